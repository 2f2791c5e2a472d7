"""The table of contents model (lazy, no object per row) and its view, driven by keyboard and mouse."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QWidget

from reader.ui.toc import SECTION_ID_ROLE, TOPIC_ID_ROLE, TocModel, TocView


def _many(topic, count: int):
    return [replace(topic, id=f"topic-{n:05d}", title=f"Topic {n:05d}") for n in range(count)]


def test_model_passes_qt_model_checks(qtmodeltester, bundled_topic) -> None:
    model = TocModel(_many(bundled_topic, 3) + [bundled_topic])
    qtmodeltester.check(model, force_py=True)


def test_topics_then_sections(qapp, bundled_topic) -> None:
    model = TocModel([bundled_topic])
    topic = model.index(0, 0)
    assert topic.data() == "Vertebroplasty and Kyphoplasty"
    assert model.rowCount(topic) == len(bundled_topic.sections)
    risks = model.index(4, 0, topic)
    assert risks.data() == "Possible problems"
    assert (risks.data(TOPIC_ID_ROLE), risks.data(SECTION_ID_ROLE)) == ("vertebroplasty-kyphoplasty", "risks")
    assert model.parent(risks) == topic
    assert model.rowCount(risks) == 0


def test_ten_thousand_topics_are_fetched_in_batches(qtbot, bundled_topic) -> None:
    model = TocModel(_many(bundled_topic, 10_000), batch_size=200)
    assert model.topic_count() == 10_000
    assert model.rowCount() == 200  # nothing more until the view scrolls there
    view = TocView(model)
    qtbot.addWidget(view)
    view.resize(300, 400)
    view.show()
    qtbot.waitExposed(view)
    assert model.rowCount() < 10_000
    assert len(view.findChildren(QWidget)) < 30  # scroll bars and viewport, no widget per row
    index = model.index_for("topic-09999", "risks")  # a late topic is fetched on demand
    assert index.data() == "Possible problems"
    assert model.rowCount() == 10_000


def test_unknown_rows_give_invalid_indexes(qapp, bundled_topic) -> None:
    model = TocModel([bundled_topic])
    assert not model.index_for("no-such-topic").isValid()
    assert not model.index_for(bundled_topic.id, "no-such-section").isValid()
    assert not model.index(5, 0, QModelIndex()).isValid()


def test_keyboard_opens_a_section(qtbot, bundled_topic) -> None:
    view = TocView(TocModel([bundled_topic]))
    qtbot.addWidget(view)
    view.show()
    view.expandAll()
    view.setFocus()
    view.setCurrentIndex(view.model().index(0, 0))
    for _ in range(2):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    with qtbot.waitSignal(view.sectionRequested) as signal:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert signal.args == ["vertebroplasty-kyphoplasty", "vertebroplasty"]


def test_marking_the_current_row_does_not_open_it(qtbot, bundled_topic) -> None:
    view = TocView(TocModel([bundled_topic]))
    qtbot.addWidget(view)
    with qtbot.assertNotEmitted(view.sectionRequested):
        view.set_current(bundled_topic.id, "kyphoplasty")
    assert view.current_location() == (bundled_topic.id, "kyphoplasty")
    assert view.isExpanded(view.model().index(0, 0))
