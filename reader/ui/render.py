"""Turns a topic of the content model into the HTML the article view shows (and, with
`for_print`, the HTML of the printed handout: reader.ui.handout).

Every piece of content text is HTML-escaped here, so markup in a topic file is shown as text.
Anchor names are the only contract with the views: see `section_anchor`, `reference_anchor`
and the sentence keys, which are used as anchors unchanged.
"""

from __future__ import annotations

import datetime as dt
import html
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from reader.content import citation
from reader.content.model import Block, BulletList, Credits, Section, Sentence, Topic
from reader.packs.labels import PackLabel
from reader.ui.dates import format_long_date, format_year
from reader.ui.pack_text import pack_credits_html, pack_review_notice
from reader.ui.theme import ThemeColors

DEFAULT_EVIDENCE_MAX_AGE_YEARS = 3  # the usual review cycle of patient-education publishers

# Slugs (ids and keys) never contain a dot, so these prefixes cannot clash with sentence keys.
SECTION_PREFIX = "section."
REFERENCE_PREFIX = "ref."
REFERENCES_ANCHOR = "part.references"
PUBLISHED_SINCE_ANCHOR = "part.published-since"
CREDITS_ANCHOR = "part.credits"


def section_anchor(section_id: str) -> str:
    return SECTION_PREFIX + section_id


def reference_anchor(reference_id: str) -> str:
    return REFERENCE_PREFIX + reference_id


def format_date(day: dt.date) -> str:
    """`24 May 2011` (`24 de mayo de 2011`): the long date of the interface language (reader.ui.dates)."""
    return format_long_date(day)


def years_between(earlier: dt.date, later: dt.date) -> int:
    """Whole years from `earlier` to `later` (birthday arithmetic)."""
    years = later.year - earlier.year
    if (later.month, later.day) < (earlier.month, earlier.day):
        years -= 1
    return years


def evidence_notice(last_revised: dt.date, today: dt.date, max_age_years: int) -> str | None:
    """The calm notice shown when the content is older than `max_age_years`, else None."""
    if today <= _add_years(last_revised, max_age_years):
        return None
    age = years_between(last_revised, today)
    date = format_date(last_revised)
    if age < 1:
        return QCoreApplication.translate(
            "Article",
            "This information was last revised on {date}. Medical knowledge may have changed since "
            "then. Please check with your doctor or another up-to-date source.",
        ).format(date=date)
    text = QCoreApplication.translate(
        "Article",
        "This information was last revised on {date}, more than %n years ago. Medical knowledge may "
        "have changed since then. Please check with your doctor or another up-to-date source.",
        "",
        age,
    )
    return text.format(date=date)


def _add_years(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a year that has none
        return day.replace(year=day.year + years, day=28)


@dataclass(frozen=True)
class RenderOptions:
    """What differs between the screen and the printed handout."""

    today: dt.date
    evidence_max_age_years: int = DEFAULT_EVIDENCE_MAX_AGE_YEARS
    for_print: bool = False  # a handout has no back links (nothing to click on paper)
    citation_style: str = citation.VANCOUVER  # one formatter per style: reader.content.citation
    show_published_since: bool = True  # a kiosk hides the clinicians' list unless its file says so
    pack: PackLabel | None = None  # the content pack the topic comes from (credits, review date)


@dataclass(frozen=True)
class ArticleParts:
    """The article's HTML in its parts, in reading order; a handout picks among them."""

    head: str  # title and evidence notice
    sections: tuple[tuple[str, str], ...]  # (section id, HTML)
    references: str  # empty when the topic has none
    published_since: str  # the clinicians' list of later studies; empty when hidden or none
    credits: str


def article_parts(topic: Topic, options: RenderOptions) -> ArticleParts:
    """Title, evidence notice, each section, the references and the credits as separate HTML."""
    e = html.escape
    head = [f'<h1 class="title">{e(topic.title)}</h1>']
    later = topic.published_since if options.show_published_since else ()
    notice = evidence_notice(topic.credits.last_revised, options.today, options.evidence_max_age_years)
    if notice:
        label = QCoreApplication.translate("Article", "About the age of this information.")
        head.append(
            '<table class="notice" width="100%" cellspacing="0" cellpadding="10">'
            f'<tr><td class="notice"><b>{e(label)}</b> {e(notice)}'
            f"{_later_studies_pointer(len(later), options.for_print)}</td></tr></table>"
        )
    overdue = pack_review_notice(options.pack, options.today)
    if overdue:
        label = QCoreApplication.translate("Article", "Overdue for review.")
        head.append(
            '<table class="notice" width="100%" cellspacing="0" cellpadding="10">'
            f'<tr><td class="notice"><b>{e(label)}</b> {e(overdue)}</td></tr></table>'
        )
    numbers = {r.id: r.number for r in topic.references}
    style = options.citation_style
    sections = tuple((s.id, _section_html(s, numbers, topic, style)) for s in topic.sections)
    references = _references_html(topic, options.for_print, style) if topic.references else ""
    published_since = _published_since_html(topic, style) if later else ""
    credits = _credits_html(topic.credits) + pack_credits_html(options.pack)
    return ArticleParts("\n".join(head), sections, references, published_since, credits)


def render_topic_html(topic: Topic, options: RenderOptions) -> str:
    """The whole article: title, evidence notice, sections, references, later studies and credits."""
    parts = article_parts(topic, options)
    body = [parts.head, *(part for _id, part in parts.sections)]
    body += [part for part in (parts.references, parts.published_since) if part]
    body.append(parts.credits)
    return "\n".join(body)


def _section_html(section: Section, numbers: dict[str, int], topic: Topic, style: str) -> str:
    anchor = html.escape(section_anchor(section.id))
    body = "".join(_block_html(block, numbers, topic, style) for block in section.blocks)
    return f'<h2><a name="{anchor}"></a>{html.escape(section.title)}</h2>\n{body}'


def _block_html(block: Block, numbers: dict[str, int], topic: Topic, style: str) -> str:
    if isinstance(block, BulletList):
        items = "".join(f"<li>{_sentence_html(s, numbers, topic, style)}</li>" for s in block.items)
        return f"<ul>{items}</ul>\n"
    return "<p>" + " ".join(_sentence_html(s, numbers, topic, style) for s in block.sentences) + "</p>\n"


def _sentence_html(sentence: Sentence, numbers: dict[str, int], topic: Topic, style: str) -> str:
    text = f'<a name="{html.escape(sentence.key)}">{html.escape(sentence.text)}</a>'
    if not sentence.cites:
        return text
    links = []
    for ref_id in sentence.cites:
        reference = topic.reference(ref_id)
        title = html.escape(citation.citation_text(reference, style), quote=True) if reference else ""
        links.append(
            f'<a class="cite" href="#{html.escape(reference_anchor(ref_id))}" title="{title}">'
            f"{numbers.get(ref_id, '?')}</a>"
        )
    return f"{text}&nbsp;[{', '.join(links)}]"


def _references_html(topic: Topic, for_print: bool, style: str) -> str:
    citing: dict[str, list[Sentence]] = {}
    for section in topic.sections:
        for sentence in section.sentences():
            for ref_id in sentence.cites:
                citing.setdefault(ref_id, []).append(sentence)
    items = []
    for reference in topic.references:
        anchor = html.escape(reference_anchor(reference.id))
        back = "" if for_print else _back_links(citing.get(reference.id, []))
        items.append(f'<li><a name="{anchor}"></a>{citation.citation_html(reference, style)}{back}</li>')
    heading = html.escape(QCoreApplication.translate("Article", "References"))
    return (
        f'<h2><a name="{REFERENCES_ANCHOR}"></a>{heading}</h2>\n<ol class="references">{"".join(items)}</ol>'
    )


def later_studies_sentence(count: int) -> str:
    """What the evidence notice says about the clinicians' list ('' when it lists nothing)."""
    if count == 0:
        return ""
    text = QCoreApplication.translate(
        "Article",
        "For clinicians: %n later studies are listed under \u201cPublished since\u201d, apart from the "
        "original text.",
        "",
        count,
    )
    return text


def _later_studies_pointer(count: int, for_print: bool) -> str:
    sentence = html.escape(later_studies_sentence(count))
    if not sentence or for_print:  # nothing to click on paper: the list follows the references
        return f" {sentence}" if sentence else ""
    return f' <a class="since" href="#{PUBLISHED_SINCE_ANCHOR}">{sentence}</a>'


def _published_since_html(topic: Topic, style: str) -> str:
    """The later studies, apart from the text and its references, labelled as not part of it."""
    items = []
    for study in topic.published_since:
        design = QCoreApplication.translate("Article", "Design: {design}").format(design=study.design)
        anchor = html.escape(reference_anchor(study.reference.id))
        items.append(
            f'<li><a name="{anchor}"></a>{citation.citation_html(study.reference, style)}'
            f'<br/><span class="design">{html.escape(design)}</span></li>'
        )
    year = format_year(topic.credits.last_revised.year)
    heading = QCoreApplication.translate("Article", "Published since the last revision ({year})")
    heading = html.escape(heading.format(year=year))
    label = QCoreApplication.translate(
        "Article",
        "For clinicians. Not part of the original text, which does not cite these studies; "
        "titles and designs only, with no summary of findings.",
    )
    label = html.escape(label)
    return (
        f'<h2><a name="{PUBLISHED_SINCE_ANCHOR}"></a>{heading}</h2>\n'
        f'<p class="since-label"><b>{label}</b></p>\n'
        f'<ol class="since">{"".join(items)}</ol>'
    )


def _back_links(sentences: list[Sentence]) -> str:
    if not sentences:
        return ""
    if len(sentences) == 1:
        labels = [QCoreApplication.translate("Article", "Back to text")]
    else:
        numbered = QCoreApplication.translate("Article", "Back to text ({number})")
        labels = [numbered.format(number=n) for n in range(1, len(sentences) + 1)]
    title = html.escape(
        QCoreApplication.translate("Article", "Go to the sentence that cites this"), quote=True
    )
    links = [
        f'<a class="back" href="#{html.escape(s.key)}" title="{title}">{html.escape(label)}</a>'
        for s, label in zip(sentences, labels, strict=True)
    ]
    return " " + " ".join(links)


def _credits_html(credits: Credits) -> str:
    e = html.escape
    author = QCoreApplication.translate("Article", "Author:")
    rows = [f"<b>{e(author)}</b> {e(credits.author)}"]
    for reviewer in credits.reviewers:
        specialty = f", {reviewer.specialty}" if reviewer.specialty else ""
        rows.append(f"<b>{e(reviewer.role)}:</b> {e(reviewer.name)}{e(specialty)}")
    revised = QCoreApplication.translate("Article", "Last revised:")
    rows.append(f"<b>{e(revised)}</b> {e(format_date(credits.last_revised))}")
    if credits.publisher:
        publisher = QCoreApplication.translate("Article", "Publisher:")
        rows.append(f"<b>{e(publisher)}</b> {e(credits.publisher)}")
    body = "".join(f'<p class="credits">{row}</p>' for row in rows)
    disclaimer = f'<p class="disclaimer">{e(credits.disclaimer)}</p>' if credits.disclaimer else ""
    heading = e(QCoreApplication.translate("Article", "Credits"))
    return f'<hr/><h3><a name="{CREDITS_ANCHOR}"></a>{heading}</h3>\n{body}{disclaimer}'


def article_css(colors: ThemeColors) -> str:
    """The document style sheet of the on-screen article, in the theme's colours."""
    return f"""
        h1.title {{ font-size: xx-large; margin-bottom: 12px; }}
        h2 {{ font-size: x-large; margin-top: 22px; margin-bottom: 6px; }}
        h3 {{ font-size: large; margin-top: 18px; }}
        p, li {{ line-height: 135%; }}
        p {{ margin-bottom: 10px; }}
        a.cite, a.back {{ color: {colors.link}; }}
        a.cite {{ text-decoration: none; font-weight: bold; }}
        td.notice {{ background-color: {colors.notice_background}; color: {colors.text};
                     border: 1px solid {colors.notice_border}; }}
        ol.references li, ol.since li {{ margin-bottom: 8px; }}
        a.since {{ color: {colors.link}; }}
        span.design, p.since-label {{ color: {colors.muted_text}; }}
        p.credits {{ color: {colors.muted_text}; margin-top: 2px; margin-bottom: 2px; }}
        p.disclaimer {{ color: {colors.muted_text}; font-style: italic; margin-top: 10px; }}
        p.printed {{ color: {colors.muted_text}; }}
    """
