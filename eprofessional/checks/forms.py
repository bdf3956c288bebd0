"""Forms of the checker pages. The draft field is only echoed back to its author, never stored."""

from __future__ import annotations

from django import forms

from .engine import MAX_CHARS

EMPTY_MESSAGE = "Paste or type the post you want to check."
TOO_LONG_MESSAGE = (
    f"That is too long to check in one go. Please check up to {MAX_CHARS:,} characters at a time "
    "(a long post can be checked in parts)."
)
PHOTO_MAX_BYTES = 20 * 1024 * 1024
PHOTO_TOO_LARGE = "That file is larger than 20 MB. Please choose a smaller photo."
ARCHIVE_MAX_BYTES = 200 * 1024 * 1024


class CheckForm(forms.Form):
    text = forms.CharField(
        label="Your draft post",
        help_text="Paste what you are about to post, as you would write it.",
        strip=False,
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "autocomplete": "off", "spellcheck": "true"}),
    )

    def clean_text(self) -> str:
        text = self.cleaned_data.get("text") or ""
        text = text.replace("\r\n", "\n")
        if not text.strip():
            raise forms.ValidationError(EMPTY_MESSAGE, code="required")
        if len(text) > MAX_CHARS:
            raise forms.ValidationError(TOO_LONG_MESSAGE, code="max_length")
        return text


class PhotoForm(forms.Form):
    photo = forms.FileField(
        label="Your photo",
        help_text="A JPEG, PNG, HEIC, WebP or TIFF file of up to 20 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
        error_messages={"required": "Choose a photo to check.", "empty": "That file is empty."},
    )

    def clean_photo(self) -> object:
        photo = self.cleaned_data["photo"]
        if photo.size > PHOTO_MAX_BYTES:
            raise forms.ValidationError(PHOTO_TOO_LARGE)
        return photo


class ArchiveForm(forms.Form):
    archive = forms.FileField(
        label="Your archive file",
        help_text="An X (Twitter) archive .zip, a Facebook or Instagram posts .json file, or LinkedIn's "
        "Shares.csv, up to 200 MB.",
        widget=forms.ClearableFileInput(attrs={"accept": ".zip,.json,.csv,.js"}),
        error_messages={"required": "Choose your archive file.", "empty": "That file is empty."},
    )

    def clean_archive(self) -> object:
        archive = self.cleaned_data["archive"]
        if archive.size > ARCHIVE_MAX_BYTES:
            raise forms.ValidationError("That file is larger than 200 MB. Please upload only the posts file.")
        return archive
