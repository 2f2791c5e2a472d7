"""The content schema's regular expressions said in words, for content authors: `check` says
"must be a number of 1 to 9 digits", never "^[1-9][0-9]{0,8}$".

Every pattern of resources/schema/topic.schema.json has words here (a test keeps it so); an
unknown pattern still gets a plain sentence, without the expression.
"""

from __future__ import annotations

PATTERN_WORDS: dict[str, str] = {
    r"\S": "must not be blank",
    r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$": "must be a language tag such as en or en-GB",
    r"^[a-z0-9]+(-[a-z0-9]+)*$": (
        "must be lower-case letters and digits, words joined by single hyphens (e.g. knee-pain)"
    ),
    r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$": "must be a date written year-month-day, e.g. 2011-05-24",
    r"^[0-9A-Za-z-]+$": "must be letters, digits and hyphens only, with no spaces",
    r"^[0-9A-Za-z]+(-[0-9A-Za-z]+)?$": (
        "must be a page or a page range of letters and digits, e.g. 1085-92 or e12-e19"
    ),
    r"^[1-9][0-9]{0,8}$": "must be a number of 1 to 9 digits, not starting with 0",
    r"^10\.[0-9]{4,9}/\S+$": (
        "must be a DOI: 10. and 4 to 9 digits, a slash, then the rest without spaces "
        "(e.g. 10.1056/NEJMoa0900429)"
    ),
}


def pattern_message(shown_value: str, pattern: str) -> str:
    """What to tell an author whose value does not match `pattern` (`shown_value` is quoted)."""
    words = PATTERN_WORDS.get(pattern)
    if pattern == r"\S":
        return words or "must not be blank"
    if words is None:
        return f"{shown_value} is not written the way this field expects"
    return f"{shown_value} {words}"
