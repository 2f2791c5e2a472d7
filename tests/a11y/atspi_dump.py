"""Print a running application's AT-SPI tree as JSON, as a screen reader would see it.

Runs under the SYSTEM Python (Debian's python3-pyatspi), not the project's virtual environment:
    /usr/bin/python3 tests/a11y/atspi_dump.py APP_NAME_WORD
Needs the app on the same D-Bus session bus with Qt's accessibility on. Prints
{"app": name, "tree": node} where a node is {role, name, description, states, text, children}.
"""

import json
import sys

import pyatspi

STATES = {
    "focusable": pyatspi.STATE_FOCUSABLE,
    "focused": pyatspi.STATE_FOCUSED,
    "showing": pyatspi.STATE_SHOWING,
    "visible": pyatspi.STATE_VISIBLE,
    "selected": pyatspi.STATE_SELECTED,
    "enabled": pyatspi.STATE_ENABLED,
}
MAX_DEPTH = 40
MAX_TEXT = 2000  # enough to reach the first paragraph after the title and the notices


def node_of(accessible, depth=0):
    states = accessible.getState()
    node = {
        "role": accessible.getRoleName(),
        "name": accessible.name or "",
        "description": accessible.description or "",
        "states": [key for key, state in STATES.items() if states.contains(state)],
        "text": None,
        "text_length": 0,
        "children": [],
    }
    try:
        text = accessible.queryText()
        node["text_length"] = text.characterCount
        node["text"] = text.getText(0, min(text.characterCount, MAX_TEXT))
    except NotImplementedError:
        pass
    if depth < MAX_DEPTH:
        for index in range(accessible.childCount):
            child = accessible.getChildAtIndex(index)
            if child is not None:
                node["children"].append(node_of(child, depth + 1))
    return node


def main(word):
    desktop = pyatspi.Registry.getDesktop(0)
    for index in range(desktop.childCount):
        app = desktop.getChildAtIndex(index)
        if app is not None and word in (app.name or "").lower():
            json.dump({"app": app.name, "tree": node_of(app)}, sys.stdout)
            return 0
    names = [desktop.getChildAtIndex(i).name for i in range(desktop.childCount)]
    print(json.dumps({"error": f"no application named like {word!r}", "apps": names}))
    return 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "health"))
