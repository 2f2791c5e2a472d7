"""Reading topics aloud, offline, with the voices the operating system has.

`script` turns the content model into utterances (never the rendered HTML), `lexicon` says how
abbreviations are spoken, `engine` finds Qt TextToSpeech engines and voices (importing
QtTextToSpeech only when first asked), and `narrator` speaks a script one utterance at a time.
No widgets here: the controls live in `reader.ui.speech_controls`.
"""
