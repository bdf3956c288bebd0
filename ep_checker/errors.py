"""Errors raised for bad input."""


class CheckerError(ValueError):
    """Bad input for the checker (wrong type, too long, unreadable image or archive).

    The message is meant to be shown to the user as it is.
    """
