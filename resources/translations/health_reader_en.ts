<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
    <context>
        <name>AboutDialog</name>
        <message numerus="yes">
            <source>{folder} (%n topic files)</source>
            <translation>
                <numerusform>{folder} (%n topic file)</numerusform>
                <numerusform>{folder} (%n topic files)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{folder} (%n topic files, newest dated {date})</source>
            <translation>
                <numerusform>{folder} (%n topic file, dated {date})</numerusform>
                <numerusform>{folder} (%n topic files, newest dated {date})</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>Article</name>
        <message numerus="yes">
            <source>For clinicians: %n later studies are listed under “Published since”, apart from the original text.</source>
            <translation>
                <numerusform>For clinicians: %n later study is listed under “Published since”, apart from the original text.</numerusform>
                <numerusform>For clinicians: %n later studies are listed under “Published since”, apart from the original text.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>This information was last revised on {date}, more than %n years ago. Medical knowledge may have changed since then. Please check with your doctor or another up-to-date source.</source>
            <translation>
                <numerusform>This information was last revised on {date}, more than %n year ago. Medical knowledge may have changed since then. Please check with your doctor or another up-to-date source.</numerusform>
                <numerusform>This information was last revised on {date}, more than %n years ago. Medical knowledge may have changed since then. Please check with your doctor or another up-to-date source.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>CountdownOverlay</name>
        <message numerus="yes">
            <source>The screen will reset in %n seconds.</source>
            <translation>
                <numerusform>The screen will reset in %n second.</numerusform>
                <numerusform>The screen will reset in %n seconds.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>EmptyPack</name>
        <message numerus="yes">
            <source>%n topic files could not be loaded: the Problems panel (the button in the status bar) names each problem with its file and line.</source>
            <translation>
                <numerusform>%n topic file could not be loaded: the Problems panel (the button in the status bar) names each problem with its file and line.</numerusform>
                <numerusform>%n topic files could not be loaded: the Problems panel (the button in the status bar) names each problem with its file and line.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>HitNavigator</name>
        <message numerus="yes">
            <source>%n hits</source>
            <translation>
                <numerusform>%n hit</numerusform>
                <numerusform>%n hits</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%n matches marked in this topic. Press F3 for the next, Shift+F3 for the previous.</source>
            <translation>
                <numerusform>%n match marked in this topic. Press F3 for the next, Shift+F3 for the previous.</numerusform>
                <numerusform>%n matches marked in this topic. Press F3 for the next, Shift+F3 for the previous.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>PinOverlay</name>
        <message numerus="yes">
            <source>Too many wrong PINs. Try again in %n seconds.</source>
            <translation>
                <numerusform>Too many wrong PINs. Try again in %n second.</numerusform>
                <numerusform>Too many wrong PINs. Try again in %n seconds.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ProblemsList</name>
        <message numerus="yes">
            <source>%n content warnings</source>
            <translation>
                <numerusform>%n content warning</numerusform>
                <numerusform>%n content warnings</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n files not loaded</source>
            <translation>
                <numerusform>%n file not loaded</numerusform>
                <numerusform>%n files not loaded</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>ReferencesView</name>
        <message numerus="yes">
            <source>Copied all %n references to the clipboard in {style} style.</source>
            <translation>
                <numerusform>Copied %n reference to the clipboard in {style} style.</numerusform>
                <numerusform>Copied all %n references to the clipboard in {style} style.</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Saved %n references to {file}.</source>
            <translation>
                <numerusform>Saved %n reference to {file}.</numerusform>
                <numerusform>Saved %n references to {file}.</numerusform>
            </translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message numerus="yes">
            <source>%n results</source>
            <translation>
                <numerusform>%n result</numerusform>
                <numerusform>%n results</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>Showing {shown} of %n results</source>
            <translation>
                <numerusform>Showing {shown} of %n result</numerusform>
                <numerusform>Showing {shown} of %n results</numerusform>
            </translation>
        </message>
    </context>
</TS>
