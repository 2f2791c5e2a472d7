"""What goes into a printed handout and how it reads on paper: the clinician's choice of
sections, the comparison table and the references, large print, and the citation style chosen
in the references panel (one formatter for screen and paper: reader.content.citation).

No printing here: reader.ui.handout_pages lays the document out on pages and paints them.
"""

from __future__ import annotations

import html
from dataclasses import dataclass, replace

from PySide6.QtCore import QCoreApplication

from reader.content.model import Comparison, Topic
from reader.ui.render import RenderOptions, article_css, article_parts, format_date
from reader.ui.theme import LIGHT

NORMAL_POINTS = 11.0
LARGE_POINTS = 16.0  # "large print": 16 pt and up (RNIB's clear print guidance)


@dataclass(frozen=True)
class HandoutChoice:
    """The clinician's choice. `sections` None means every section; an empty tuple, none."""

    sections: tuple[str, ...] | None = None
    comparison: bool = True
    references: bool = True
    large_print: bool = False

    @property
    def point_size(self) -> float:
        return LARGE_POINTS if self.large_print else NORMAL_POINTS

    def includes_section(self, section_id: str) -> bool:
        return self.sections is None or section_id in self.sections


@dataclass(frozen=True)
class FooterFacts:
    """What every page's footer says besides its page number."""

    title: str
    source: str  # the publisher, else the author
    revised: str
    printed: str


def print_css() -> str:
    """Black on white whatever the screen theme: a handout is for paper."""
    css = article_css(LIGHT).replace(LIGHT.link, "#000000")
    return (
        css
        + """
        table.comparison { border-collapse: collapse; margin-top: 6px; margin-bottom: 12px; }
        table.comparison th, table.comparison td { border: 1px solid #555555; padding: 4px; }
        table.comparison th { background-color: #eeeeee; text-align: left; }
        td.unstated { font-style: italic; color: #555555; }
    """
    )


def comparison_html(comparison: Comparison) -> str:
    """The comparison as a table: a row per attribute, a column per procedure, as on screen."""
    e = html.escape
    head = "".join(f"<th>{e(p.name)}</th>" for p in comparison.procedures)
    not_stated = QCoreApplication.translate("Handout", "Not stated")
    rows = []
    for attribute in comparison.attributes:
        cells = []
        for procedure in comparison.procedures:
            cell = procedure.cells[attribute.id]
            if cell.stated:
                cells.append(f"<td>{e(cell.value or '')}</td>")
            else:
                cells.append(f'<td class="unstated">{e(not_stated)}</td>')
        rows.append(f"<tr><th>{e(attribute.label)}</th>{''.join(cells)}</tr>")
    heading = QCoreApplication.translate("Handout", "How the procedures compare")
    return (
        f"<h2>{e(heading)}</h2>\n"
        '<table class="comparison" width="100%" cellspacing="0" cellpadding="4">'
        f"<tr><th></th>{head}</tr>{''.join(rows)}</table>\n"
    )


def handout_html(topic: Topic, options: RenderOptions, choice: HandoutChoice) -> str:
    """The chosen parts of the topic for paper: no back links, no print date (the footer has it)."""
    parts = article_parts(topic, replace(options, for_print=True))
    body = [parts.head]
    body += [part for section_id, part in parts.sections if choice.includes_section(section_id)]
    if choice.comparison and topic.comparison is not None and topic.comparison.procedures:
        body.append(comparison_html(topic.comparison))
    if choice.references and parts.references:
        body.append(parts.references)
    if choice.references and parts.published_since:
        body.append(parts.published_since)  # later studies are references too: they go with them
    body.append(parts.credits)
    return "\n".join(body)


def footer_facts(topic: Topic, options: RenderOptions) -> FooterFacts:
    credits = topic.credits
    return FooterFacts(
        title=topic.title,
        source=credits.publisher or credits.author,
        revised=format_date(credits.last_revised),
        printed=format_date(options.today),
    )
