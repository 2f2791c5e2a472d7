<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es">
    <context>
        <name>AboutDialog</name>
        <message>
            <source>About {app}</source>
            <translation>Acerca de {app}</translation>
        </message>
        <message>
            <source>An offline reader of patient-education health topics. Nothing is sent over the network.</source>
            <translation>Un lector sin conexión de temas de salud para pacientes. No se envía nada por la red.</translation>
        </message>
        <message>
            <source>Content pack: {pack}</source>
            <translation>Paquete de contenido: {pack}</translation>
        </message>
        <message>
            <source>Content packs in use:</source>
            <translation>Paquetes de contenido en uso:</translation>
        </message>
        <message>
            <source>Health Topic Reader</source>
            <translation>Lector de Temas de Salud</translation>
        </message>
        <message>
            <source>Pack library: {folder}</source>
            <translation>Biblioteca de paquetes: {folder}</translation>
        </message>
        <message>
            <source>Parts of the reader and their licences:</source>
            <translation>Componentes del lector y sus licencias:</translation>
        </message>
        <message>
            <source>Qt and PySide6 are used under the GNU LGPL version 3, which lets you replace them with
another build of the same version; their source code is published at download.qt.io.</source>
            <translation>Qt y PySide6 se usan bajo la licencia GNU LGPL versión 3, que le permite sustituirlos por
otra compilación de la misma versión; su código fuente está publicado en download.qt.io.</translation>
        </message>
        <message>
            <source>Topic content © {publisher}; see each topic's credits.</source>
            <translation>Contenido de los temas © {publisher}; vea los créditos de cada tema.</translation>
        </message>
        <message>
            <source>Version, content pack, and the licences of the reader's parts</source>
            <translation>Versión, paquete de contenido y licencias de los componentes del lector</translation>
        </message>
        <message>
            <source>none</source>
            <translation>ninguno</translation>
        </message>
        <message>
            <source>{app} {version}</source>
            <translation>{app} {version}</translation>
        </message>
        <message>
            <source>{app} {version} (self-contained bundle)</source>
            <translation>{app} {version} (paquete autónomo)</translation>
        </message>
        <message numerus="yes">
            <source>{folder} (%n topic files)</source>
            <translation>
                <numerusform>{folder} (%n archivo de temas)</numerusform>
                <numerusform>{folder} (%n archivos de temas)</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>{folder} (%n topic files, newest dated {date})</source>
            <translation>
                <numerusform>{folder} (%n archivo de temas, el más reciente del {date})</numerusform>
                <numerusform>{folder} (%n archivos de temas, el más reciente del {date})</numerusform>
            </translation>
        </message>
        <message>
            <source>{folder} (no topic files)</source>
            <translation>{folder} (sin archivos de temas)</translation>
        </message>
        <message>
            <source>• {pack} [{id}], bundled with the reader</source>
            <translation>• {pack} [{id}], incluido con el lector</translation>
        </message>
        <message>
            <source>• {pack} [{id}], installed ({signer})</source>
            <translation>• {pack} [{id}], instalado ({signer})</translation>
        </message>
    </context>
    <context>
        <name>Actions</name>
        <message>
            <source>&amp;About Health Topic Reader</source>
            <translation>&amp;Acerca del Lector de temas de salud</translation>
        </message>
        <message>
            <source>&amp;Back</source>
            <translation>&amp;Atrás</translation>
        </message>
        <message>
            <source>&amp;Copy</source>
            <translation>&amp;Copiar</translation>
        </message>
        <message>
            <source>&amp;Dark</source>
            <translation>&amp;Oscuro</translation>
        </message>
        <message>
            <source>&amp;Edit</source>
            <translation>&amp;Editar</translation>
        </message>
        <message>
            <source>&amp;Export as PDF…</source>
            <translation>&amp;Exportar como PDF…</translation>
        </message>
        <message>
            <source>&amp;Faster</source>
            <translation>Más &amp;rápido</translation>
        </message>
        <message>
            <source>&amp;File</source>
            <translation>&amp;Archivo</translation>
        </message>
        <message>
            <source>&amp;Find…</source>
            <translation>&amp;Buscar…</translation>
        </message>
        <message>
            <source>&amp;Forward</source>
            <translation>A&amp;delante</translation>
        </message>
        <message>
            <source>&amp;Go</source>
            <translation>&amp;Ir</translation>
        </message>
        <message>
            <source>&amp;Help</source>
            <translation>Ay&amp;uda</translation>
        </message>
        <message>
            <source>&amp;Home</source>
            <translation>&amp;Inicio</translation>
        </message>
        <message>
            <source>&amp;Install content pack…</source>
            <translation>I&amp;nstalar paquete de contenido…</translation>
        </message>
        <message>
            <source>&amp;Keyboard shortcuts</source>
            <translation>Atajos de &amp;teclado</translation>
        </message>
        <message>
            <source>&amp;Light</source>
            <translation>&amp;Claro</translation>
        </message>
        <message>
            <source>&amp;Listen</source>
            <translation>&amp;Escuchar</translation>
        </message>
        <message>
            <source>&amp;Normal size</source>
            <translation>Tamaño &amp;normal</translation>
        </message>
        <message>
            <source>&amp;Normal speed</source>
            <translation>Velocidad &amp;normal</translation>
        </message>
        <message>
            <source>&amp;Pause</source>
            <translation>&amp;Pausa</translation>
        </message>
        <message>
            <source>&amp;Print…</source>
            <translation>&amp;Imprimir…</translation>
        </message>
        <message>
            <source>&amp;Quit</source>
            <translation>&amp;Salir</translation>
        </message>
        <message>
            <source>&amp;Slower</source>
            <translation>Más &amp;lento</translation>
        </message>
        <message>
            <source>&amp;Theme</source>
            <translation>&amp;Tema</translation>
        </message>
        <message>
            <source>&amp;View</source>
            <translation>&amp;Ver</translation>
        </message>
        <message>
            <source>Check a signed content pack file (e.g. from a USB stick) and install it</source>
            <translation>Comprobar un archivo de paquete de contenido firmado (por ejemplo, de una memoria USB) e instalarlo</translation>
        </message>
        <message>
            <source>Close the reader</source>
            <translation>Cerrar el lector</translation>
        </message>
        <message>
            <source>Copy the selected text</source>
            <translation>Copiar el texto seleccionado</translation>
        </message>
        <message>
            <source>Dark text on a light background</source>
            <translation>Texto oscuro sobre fondo claro</translation>
        </message>
        <message>
            <source>Find &amp;next</source>
            <translation>Buscar &amp;siguiente</translation>
        </message>
        <message>
            <source>Find pre&amp;vious</source>
            <translation>Buscar &amp;anterior</translation>
        </message>
        <message>
            <source>Follow the &amp;system</source>
            <translation>Seguir al &amp;sistema</translation>
        </message>
        <message>
            <source>Go back to where you were</source>
            <translation>Volver a donde estaba</translation>
        </message>
        <message>
            <source>Go forward again</source>
            <translation>Volver a avanzar</translation>
        </message>
        <message>
            <source>Go to the next search match in the topic</source>
            <translation>Ir a la siguiente coincidencia de la búsqueda en el tema</translation>
        </message>
        <message>
            <source>Go to the previous search match in the topic</source>
            <translation>Ir a la coincidencia anterior de la búsqueda en el tema</translation>
        </message>
        <message>
            <source>Go to the start of the first topic</source>
            <translation>Ir al comienzo del primer tema</translation>
        </message>
        <message>
            <source>Light text on a dark background</source>
            <translation>Texto claro sobre fondo oscuro</translation>
        </message>
        <message>
            <source>List every keyboard shortcut</source>
            <translation>Ver todos los atajos de teclado</translation>
        </message>
        <message>
            <source>Listen to the se&amp;ntence</source>
            <translation>Escuchar la &amp;frase</translation>
        </message>
        <message>
            <source>Listen to this &amp;section</source>
            <translation>Escuchar esta &amp;sección</translation>
        </message>
        <message>
            <source>Make the text larger</source>
            <translation>Hacer el texto más grande</translation>
        </message>
        <message>
            <source>Make the text smaller</source>
            <translation>Hacer el texto más pequeño</translation>
        </message>
        <message>
            <source>Navigation</source>
            <translation>Navegación</translation>
        </message>
        <message>
            <source>Navigation toolbar</source>
            <translation>Barra de navegación</translation>
        </message>
        <message>
            <source>Pause or resume reading aloud</source>
            <translation>Pausar o reanudar la lectura en voz alta</translation>
        </message>
        <message>
            <source>Print pre&amp;view…</source>
            <translation>&amp;Vista previa de impresión…</translation>
        </message>
        <message>
            <source>Print this topic as a patient handout</source>
            <translation>Imprimir este tema como hoja informativa para el paciente</translation>
        </message>
        <message>
            <source>Read aloud from the section being read (on the comparison: the selected row)</source>
            <translation>Leer en voz alta desde la sección que está leyendo (en la comparación: la fila seleccionada)</translation>
        </message>
        <message>
            <source>Read aloud the section being read</source>
            <translation>Leer en voz alta la sección que está leyendo</translation>
        </message>
        <message>
            <source>Read aloud the sentence at the cursor</source>
            <translation>Leer en voz alta la frase donde está el cursor</translation>
        </message>
        <message>
            <source>S&amp;top</source>
            <translation>&amp;Detener</translation>
        </message>
        <message>
            <source>Save this topic as a PDF handout</source>
            <translation>Guardar este tema como hoja informativa en PDF</translation>
        </message>
        <message>
            <source>Search all topics</source>
            <translation>Buscar en todos los temas</translation>
        </message>
        <message>
            <source>See the handout as it will print</source>
            <translation>Ver la hoja informativa tal como se imprimirá</translation>
        </message>
        <message>
            <source>Select &amp;all</source>
            <translation>Seleccionar &amp;todo</translation>
        </message>
        <message>
            <source>Select all the text of the view you are in</source>
            <translation>Seleccionar todo el texto de la vista en la que está</translation>
        </message>
        <message>
            <source>Show the text at its normal size</source>
            <translation>Mostrar el texto en su tamaño normal</translation>
        </message>
        <message>
            <source>Spea&amp;k</source>
            <translation>&amp;Leer en voz alta</translation>
        </message>
        <message>
            <source>Speak at the normal speed</source>
            <translation>Hablar a la velocidad normal</translation>
        </message>
        <message>
            <source>Speak faster</source>
            <translation>Hablar más rápido</translation>
        </message>
        <message>
            <source>Speak more slowly</source>
            <translation>Hablar más despacio</translation>
        </message>
        <message>
            <source>Spee&amp;d</source>
            <translation>&amp;Velocidad</translation>
        </message>
        <message>
            <source>Stop reading aloud</source>
            <translation>Detener la lectura en voz alta</translation>
        </message>
        <message>
            <source>Use the system's light or dark setting</source>
            <translation>Usar la opción clara u oscura del sistema</translation>
        </message>
        <message>
            <source>Version, content pack, and licences of the parts</source>
            <translation>Versión, paquete de contenido y licencias de los componentes</translation>
        </message>
        <message>
            <source>Zoom &amp;in</source>
            <translation>&amp;Ampliar</translation>
        </message>
        <message>
            <source>Zoom &amp;out</source>
            <translation>&amp;Reducir</translation>
        </message>
        <message>
            <source>{what} ({keys})</source>
            <translation>{what} ({keys})</translation>
        </message>
    </context>
    <context>
        <name>Article</name>
        <message>
            <source>About the age of this information.</source>
            <translation>Sobre la antigüedad de esta información.</translation>
        </message>
        <message>
            <source>Author:</source>
            <translation>Autor:</translation>
        </message>
        <message>
            <source>Back to text</source>
            <translation>Volver al texto</translation>
        </message>
        <message>
            <source>Back to text ({number})</source>
            <translation>Volver al texto ({number})</translation>
        </message>
        <message>
            <source>Credits</source>
            <translation>Créditos</translation>
        </message>
        <message>
            <source>Design: {design}</source>
            <translation>Diseño: {design}</translation>
        </message>
        <message>
            <source>For clinicians. Not part of the original text, which does not cite these studies; titles and designs only, with no summary of findings.</source>
            <translation>Para profesionales de la salud. No forma parte del texto original, que no cita estos estudios; solo títulos y diseños, sin resumen de resultados.</translation>
        </message>
        <message numerus="yes">
            <source>For clinicians: %n later studies are listed under “Published since”, apart from the original text.</source>
            <translation>
                <numerusform>Para profesionales de la salud: %n estudio posterior aparece en «Publicado desde entonces», aparte del texto original.</numerusform>
                <numerusform>Para profesionales de la salud: %n estudios posteriores aparecen en «Publicado desde entonces», aparte del texto original.</numerusform>
            </translation>
        </message>
        <message>
            <source>Go to the sentence that cites this</source>
            <translation>Ir a la frase que cita esta referencia</translation>
        </message>
        <message>
            <source>Last revised:</source>
            <translation>Última revisión:</translation>
        </message>
        <message>
            <source>Overdue for review.</source>
            <translation>Pendiente de revisión.</translation>
        </message>
        <message>
            <source>Published since the last revision ({year})</source>
            <translation>Publicado desde la última revisión ({year})</translation>
        </message>
        <message>
            <source>Publisher:</source>
            <translation>Editor:</translation>
        </message>
        <message>
            <source>References</source>
            <translation>Referencias</translation>
        </message>
        <message numerus="yes">
            <source>This information was last revised on {date}, more than %n years ago. Medical knowledge may have changed since then. Please check with your doctor or another up-to-date source.</source>
            <translation>
                <numerusform>Esta información se revisó por última vez el {date}, hace más de %n año. Los conocimientos médicos pueden haber cambiado desde entonces. Consulte con su médico u otra fuente actualizada.</numerusform>
                <numerusform>Esta información se revisó por última vez el {date}, hace más de %n años. Los conocimientos médicos pueden haber cambiado desde entonces. Consulte con su médico u otra fuente actualizada.</numerusform>
            </translation>
        </message>
        <message>
            <source>This information was last revised on {date}. Medical knowledge may have changed since then. Please check with your doctor or another up-to-date source.</source>
            <translation>Esta información se revisó por última vez el {date}. Los conocimientos médicos pueden haber cambiado desde entonces. Consulte con su médico u otra fuente actualizada.</translation>
        </message>
    </context>
    <context>
        <name>ArticleView</name>
        <message>
            <source>Article</source>
            <translation>Artículo</translation>
        </message>
        <message>
            <source>Go back to the sentence that cites this reference</source>
            <translation>Volver a la frase que cita esta referencia</translation>
        </message>
        <message>
            <source>Go to reference {number}</source>
            <translation>Ir a la referencia {number}</translation>
        </message>
        <message>
            <source>The text of the topic. Use the arrow keys to read and select text.</source>
            <translation>El texto del tema. Use las teclas de flecha para leer y seleccionar texto.</translation>
        </message>
        <message>
            <source>The topic's text: links go to references and back</source>
            <translation>El texto del tema: los enlaces llevan a las referencias y de vuelta</translation>
        </message>
    </context>
    <context>
        <name>ComparisonModel</name>
        <message>
            <source>From the article: {quotes}</source>
            <translation>Del artículo: {quotes}</translation>
        </message>
        <message>
            <source>Not stated</source>
            <translation>No se indica</translation>
        </message>
        <message>
            <source>Not stated: the article does not say this for {procedure}.</source>
            <translation>No se indica: el artículo no dice esto para {procedure}.</translation>
        </message>
        <message>
            <source>Source: {quotes}</source>
            <translation>Fuente: {quotes}</translation>
        </message>
        <message>
            <source>{procedure}, {attribute}: {value}</source>
            <translation>{procedure}, {attribute}: {value}</translation>
        </message>
    </context>
    <context>
        <name>ComparisonView</name>
        <message>
            <source>Compare the procedures. Select a cell to see the sentences it comes from.</source>
            <translation>Compare los procedimientos. Seleccione una celda para ver las frases de las que sale.</translation>
        </message>
        <message>
            <source>Comparison and sources</source>
            <translation>Comparación y fuentes</translation>
        </message>
        <message>
            <source>Drag to share the space between the table and the source sentences</source>
            <translation>Arrastre para repartir el espacio entre la tabla y las frases de origen</translation>
        </message>
        <message>
            <source>From “{section}”:</source>
            <translation>De «{section}»:</translation>
        </message>
        <message>
            <source>Highlight the selected cell's source sentence in the article (Enter)</source>
            <translation>Resaltar en el artículo la frase de la que sale la celda seleccionada (Intro)</translation>
        </message>
        <message>
            <source>No comparison</source>
            <translation>Sin comparación</translation>
        </message>
        <message>
            <source>Not stated. The article does not say this for {procedure}.</source>
            <translation>No se indica. El artículo no dice esto para {procedure}.</translation>
        </message>
        <message>
            <source>Procedure comparison</source>
            <translation>Comparación de procedimientos</translation>
        </message>
        <message>
            <source>Select a cell to see the sentences of the article it comes from.</source>
            <translation>Seleccione una celda para ver las frases del artículo de las que sale.</translation>
        </message>
        <message>
            <source>Show in article</source>
            <translation>Mostrar en el artículo</translation>
        </message>
        <message>
            <source>Show source in article</source>
            <translation>Mostrar la fuente en el artículo</translation>
        </message>
        <message>
            <source>Source sentences</source>
            <translation>Frases de origen</translation>
        </message>
        <message>
            <source>The article's own words for the selected cell</source>
            <translation>Las palabras del propio artículo para la celda seleccionada</translation>
        </message>
        <message>
            <source>This topic has no procedure comparison.</source>
            <translation>Este tema no tiene comparación de procedimientos.</translation>
        </message>
    </context>
    <context>
        <name>ContentPack</name>
        <message>
            <source>Content pack:</source>
            <translation>Paquete de contenido:</translation>
        </message>
        <message>
            <source>The content pack “{title}” was due for review by its publisher on {date}. Please check with your doctor or another up-to-date source.</source>
            <translation>El editor debía revisar el paquete de contenido «{title}» antes del {date}. Consulte con su médico u otra fuente actualizada.</translation>
        </message>
        <message>
            <source>Unverified content:</source>
            <translation>Contenido sin verificar:</translation>
        </message>
        <message>
            <source>this pack is not signed by a publisher the reader trusts; an administrator allowed it.</source>
            <translation>este paquete no está firmado por un editor de confianza para el lector; lo permitió un administrador.</translation>
        </message>
        <message>
            <source>unverified content</source>
            <translation>contenido sin verificar</translation>
        </message>
        <message>
            <source>{title}, published by {publisher}</source>
            <translation>{title}, publicado por {publisher}</translation>
        </message>
        <message>
            <source>{title}, version {version}</source>
            <translation>{title}, versión {version}</translation>
        </message>
        <message>
            <source>{title}, version {version}, published by {publisher}</source>
            <translation>{title}, versión {version}, publicado por {publisher}</translation>
        </message>
    </context>
    <context>
        <name>CountdownOverlay</name>
        <message>
            <source>Are you still reading?</source>
            <translation>¿Sigue leyendo?</translation>
        </message>
        <message>
            <source>Continue reading</source>
            <translation>Seguir leyendo</translation>
        </message>
        <message>
            <source>Keep reading; the screen will not reset</source>
            <translation>Siga leyendo; la pantalla no volverá al inicio</translation>
        </message>
        <message>
            <source>Reset warning</source>
            <translation>Aviso: la pantalla volverá al inicio</translation>
        </message>
        <message numerus="yes">
            <source>The screen will reset in %n seconds.</source>
            <translation>
                <numerusform>La pantalla volverá al inicio en %n segundo.</numerusform>
                <numerusform>La pantalla volverá al inicio en %n segundos.</numerusform>
            </translation>
        </message>
        <message>
            <source>Touch anywhere to continue.</source>
            <translation>Toque cualquier parte de la pantalla para continuar.</translation>
        </message>
    </context>
    <context>
        <name>Dates</name>
        <message>
            <source>MMMM yyyy</source>
            <translation>MMMM 'de' yyyy</translation>
        </message>
        <message>
            <source>d MMMM yyyy</source>
            <translation>d 'de' MMMM 'de' yyyy</translation>
        </message>
    </context>
    <context>
        <name>Dialogs</name>
        <message>
            <source>Close</source>
            <translation>Cerrar</translation>
        </message>
        <message>
            <source>Close this window (Esc)</source>
            <translation>Cerrar esta ventana (Esc)</translation>
        </message>
        <message>
            <source>Close {title} (Esc)</source>
            <translation>Cerrar {title} (Esc)</translation>
        </message>
    </context>
    <context>
        <name>DidYouMean</name>
        <message>
            <source>Did you mean</source>
            <translation>Quizás quiso decir</translation>
        </message>
        <message>
            <source>Did you mean {suggestion}</source>
            <translation>Quizás quiso decir {suggestion}</translation>
        </message>
        <message>
            <source>Did you mean:</source>
            <translation>Quizás quiso decir:</translation>
        </message>
        <message>
            <source>Search for the suggested spelling instead</source>
            <translation>Buscar la palabra sugerida en su lugar</translation>
        </message>
        <message>
            <source>Search for “{suggestion}” instead</source>
            <translation>Buscar “{suggestion}” en su lugar</translation>
        </message>
    </context>
    <context>
        <name>EmptyPack</name>
        <message numerus="yes">
            <source>%n topic files could not be loaded: the Problems panel (the button in the status bar) names each problem with its file and line.</source>
            <translation>
                <numerusform>No se pudo cargar %n archivo de tema: el panel Problemas del contenido (el botón de la barra de estado) indica cada problema con su archivo y su línea.</numerusform>
                <numerusform>No se pudieron cargar %n archivos de temas: el panel Problemas del contenido (el botón de la barra de estado) indica cada problema con su archivo y su línea.</numerusform>
            </translation>
        </message>
        <message>
            <source>A content pack is a folder with a &lt;code&gt;topics/&lt;/code&gt; folder of YAML files, one per topic.</source>
            <translation>Un paquete de contenido es una carpeta que contiene una carpeta &lt;code&gt;topics/&lt;/code&gt; con archivos YAML, uno por tema.</translation>
        </message>
        <message>
            <source>Check a pack before using it with &lt;code&gt;health-reader check --content DIR&lt;/code&gt;: it lists every problem with its file, line and field.</source>
            <translation>Compruebe un paquete antes de usarlo con &lt;code&gt;health-reader check --content DIR&lt;/code&gt;: indica cada problema con su archivo, su línea y su campo.</translation>
        </message>
        <message>
            <source>How to add a content pack</source>
            <translation>Cómo añadir un paquete de contenido</translation>
        </message>
        <message>
            <source>No topics found</source>
            <translation>No se encontraron temas</translation>
        </message>
        <message>
            <source>Open another pack with &lt;code&gt;health-reader --content DIR&lt;/code&gt;.</source>
            <translation>Abra otro paquete con &lt;code&gt;health-reader --content DIR&lt;/code&gt;.</translation>
        </message>
        <message>
            <source>The folder holds no topic files.</source>
            <translation>La carpeta no contiene archivos de temas.</translation>
        </message>
        <message>
            <source>The reader looked in {folder}.</source>
            <translation>El lector buscó en {folder}.</translation>
        </message>
        <message>
            <source>This folder does not exist.</source>
            <translation>Esta carpeta no existe.</translation>
        </message>
    </context>
    <context>
        <name>ExceptionHook</name>
        <message>
            <source>Something went wrong ({kind}). The reader is still running; details are in the log.</source>
            <translation>Algo salió mal ({kind}). El lector sigue funcionando; los detalles están en el registro.</translation>
        </message>
    </context>
    <context>
        <name>Handout</name>
        <message>
            <source>Could not save {file}: {reason}</source>
            <translation>No se pudo guardar {file}: {reason}</translation>
        </message>
        <message>
            <source>Export as PDF</source>
            <translation>Exportar como PDF</translation>
        </message>
        <message>
            <source>Health topic reader</source>
            <translation>Lector de temas de salud</translation>
        </message>
        <message>
            <source>How the procedures compare</source>
            <translation>Comparación de los procedimientos</translation>
        </message>
        <message>
            <source>Not stated</source>
            <translation>No se indica</translation>
        </message>
        <message>
            <source>PDF files (*.pdf)</source>
            <translation>Archivos PDF (*.pdf)</translation>
        </message>
        <message>
            <source>Page {page} of {pages}</source>
            <translation>Página {page} de {pages}</translation>
        </message>
        <message>
            <source>Print handout</source>
            <translation>Imprimir la hoja informativa</translation>
        </message>
        <message>
            <source>Print preview</source>
            <translation>Vista previa de impresión</translation>
        </message>
        <message>
            <source>Saved {file}</source>
            <translation>Guardado: {file}</translation>
        </message>
        <message>
            <source>{source} — last revised {revised} — printed on {printed}</source>
            <translation>{source} — última revisión: {revised} — impreso el {printed}</translation>
        </message>
    </context>
    <context>
        <name>HandoutDialog</name>
        <message>
            <source>Comparison table</source>
            <translation>Tabla comparativa</translation>
        </message>
        <message>
            <source>Handout contents</source>
            <translation>Contenido de la hoja informativa</translation>
        </message>
        <message>
            <source>Include the numbered reference list</source>
            <translation>Incluir la lista numerada de referencias</translation>
        </message>
        <message>
            <source>Include the section “{section}”</source>
            <translation>Incluir la sección «{section}»</translation>
        </message>
        <message>
            <source>Include the table comparing the procedures</source>
            <translation>Incluir la tabla que compara los procedimientos</translation>
        </message>
        <message>
            <source>Large print</source>
            <translation>Letra grande</translation>
        </message>
        <message>
            <source>Preview</source>
            <translation>Vista previa</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Imprimir</translation>
        </message>
        <message>
            <source>Print the text at 16 points instead of 11</source>
            <translation>Imprimir el texto a 16 puntos en lugar de 11</translation>
        </message>
        <message>
            <source>References</source>
            <translation>Referencias</translation>
        </message>
        <message>
            <source>Save PDF</source>
            <translation>Guardar PDF</translation>
        </message>
        <message>
            <source>Sections</source>
            <translation>Secciones</translation>
        </message>
        <message>
            <source>What goes in the handout</source>
            <translation>Qué incluir en la hoja informativa</translation>
        </message>
        <message>
            <source>{action} with the parts checked above</source>
            <translation>{action} con las partes marcadas arriba</translation>
        </message>
    </context>
    <context>
        <name>HitNavigator</name>
        <message numerus="yes">
            <source>%n hits</source>
            <translation>
                <numerusform>%n coincidencia</numerusform>
                <numerusform>%n coincidencias</numerusform>
            </translation>
        </message>
        <message>
            <source>Hit {current} of {count}</source>
            <translation>Coincidencia {current} de {count}</translation>
        </message>
        <message>
            <source>Search hit</source>
            <translation>Coincidencia de la búsqueda</translation>
        </message>
        <message>
            <source>Which search hit is selected in the article: F3 for the next, Shift+F3 for the previous</source>
            <translation>Qué coincidencia de la búsqueda está seleccionada en el artículo: F3 para la siguiente, Mayúsculas+F3 para la anterior</translation>
        </message>
    </context>
    <context>
        <name>KioskBar</name>
        <message>
            <source>Back</source>
            <translation>Atrás</translation>
        </message>
        <message>
            <source>Forward</source>
            <translation>Adelante</translation>
        </message>
        <message>
            <source>Go back to the list of topics</source>
            <translation>Volver a la lista de temas</translation>
        </message>
        <message>
            <source>Home</source>
            <translation>Inicio</translation>
        </message>
        <message>
            <source>Kiosk</source>
            <translation>Quiosco</translation>
        </message>
        <message>
            <source>Kiosk toolbar</source>
            <translation>Barra de botones del quiosco</translation>
        </message>
        <message>
            <source>Larger text</source>
            <translation>Letra más grande</translation>
        </message>
        <message>
            <source>Listen</source>
            <translation>Escuchar</translation>
        </message>
        <message>
            <source>Listen to the topic:</source>
            <translation>Escuchar el tema:</translation>
        </message>
        <message>
            <source>Print</source>
            <translation>Imprimir</translation>
        </message>
        <message>
            <source>Print this topic on the printer here</source>
            <translation>Imprimir este tema en la impresora de aquí</translation>
        </message>
        <message>
            <source>Read aloud</source>
            <translation>Leer en voz alta</translation>
        </message>
        <message>
            <source>Read aloud toolbar</source>
            <translation>Barra de lectura en voz alta</translation>
        </message>
        <message>
            <source>Read slower or faster</source>
            <translation>Leer más despacio o más rápido</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Buscar</translation>
        </message>
        <message>
            <source>Smaller text</source>
            <translation>Letra más pequeña</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>Velocidad</translation>
        </message>
        <message>
            <source>Stop</source>
            <translation>Detener</translation>
        </message>
    </context>
    <context>
        <name>KioskHome</name>
        <message>
            <source>Compare the procedures</source>
            <translation>Comparar los procedimientos</translation>
        </message>
        <message>
            <source>Health topics</source>
            <translation>Temas de salud</translation>
        </message>
        <message>
            <source>Home: health topics</source>
            <translation>Inicio: temas de salud</translation>
        </message>
        <message>
            <source>No health topics are available on this screen at the moment. Please ask at the desk.</source>
            <translation>En este momento no hay temas de salud en esta pantalla. Por favor, pregunte en el mostrador.</translation>
        </message>
        <message>
            <source>Read from the start</source>
            <translation>Leer desde el principio</translation>
        </message>
        <message>
            <source>Read the section “{section}”</source>
            <translation>Leer la sección “{section}”</translation>
        </message>
        <message>
            <source>Read “{topic}” from the beginning</source>
            <translation>Leer “{topic}” desde el principio</translation>
        </message>
        <message>
            <source>References</source>
            <translation>Referencias</translation>
        </message>
        <message>
            <source>See the procedures side by side</source>
            <translation>Ver los procedimientos uno al lado del otro</translation>
        </message>
        <message>
            <source>See the studies this topic is based on</source>
            <translation>Ver los estudios en los que se basa este tema</translation>
        </message>
        <message>
            <source>Touch a topic to read it, or use Search to look for a word.</source>
            <translation>Toque un tema para leerlo, o use Buscar para encontrar una palabra.</translation>
        </message>
    </context>
    <context>
        <name>KioskPrinting</name>
        <message>
            <source>Printing is not available here. Please ask at the desk.</source>
            <translation>Aquí no se puede imprimir. Por favor, pregunte en el mostrador.</translation>
        </message>
        <message>
            <source>Printing… Please collect your handout from the printer.</source>
            <translation>Imprimiendo… Recoja su hoja informativa en la impresora.</translation>
        </message>
    </context>
    <context>
        <name>KioskSession</name>
        <message>
            <source>Keyboard</source>
            <translation>Teclado</translation>
        </message>
        <message>
            <source>Message</source>
            <translation>Mensaje</translation>
        </message>
    </context>
    <context>
        <name>KioskSpeech</name>
        <message>
            <source>Speed: Faster</source>
            <translation>Velocidad: más rápida</translation>
        </message>
        <message>
            <source>Speed: Normal</source>
            <translation>Velocidad: normal</translation>
        </message>
        <message>
            <source>Speed: Slower</source>
            <translation>Velocidad: más lenta</translation>
        </message>
    </context>
    <context>
        <name>LanguageButton</name>
        <message>
            <source>Change the language</source>
            <translation>Cambiar el idioma</translation>
        </message>
        <message>
            <source>Change the language to {language}</source>
            <translation>Cambiar el idioma a {language}</translation>
        </message>
        <message>
            <source>Choose the language of the screens</source>
            <translation>Elegir el idioma de las pantallas</translation>
        </message>
        <message>
            <source>Show the screens in {language}</source>
            <translation>Mostrar las pantallas en {language}</translation>
        </message>
    </context>
    <context>
        <name>LanguageMenu</name>
        <message>
            <source>&amp;Language</source>
            <translation>&amp;Idioma (Language)</translation>
        </message>
        <message>
            <source>Show the reader in {language}</source>
            <translation>Mostrar el lector en {language}</translation>
        </message>
        <message>
            <source>The language of the reader's menus and messages</source>
            <translation>El idioma de los menús y mensajes del lector</translation>
        </message>
    </context>
    <context>
        <name>LoadingProgress</name>
        <message>
            <source>Loading topics</source>
            <translation>Cargando los temas</translation>
        </message>
        <message>
            <source>Preparing the health topics (first start with this content)…</source>
            <translation>Preparando los temas de salud (primer inicio con este contenido)…</translation>
        </message>
    </context>
    <context>
        <name>MainWindow</name>
        <message numerus="yes">
            <source>%n matches marked in this topic. Press F3 for the next, Shift+F3 for the previous.</source>
            <translation>
                <numerusform>%n coincidencia marcada en este tema. Pulse F3 para ir a la siguiente y Mayúsculas+F3 para ir a la anterior.</numerusform>
                <numerusform>%n coincidencias marcadas en este tema. Pulse F3 para ir a la siguiente y Mayúsculas+F3 para ir a la anterior.</numerusform>
            </translation>
        </message>
        <message>
            <source>Health Topic Reader</source>
            <translation>Lector de temas de salud</translation>
        </message>
        <message>
            <source>No matches marked in this topic.</source>
            <translation>No hay coincidencias marcadas en este tema.</translation>
        </message>
        <message>
            <source>No topics to search</source>
            <translation>No hay temas para buscar</translation>
        </message>
        <message>
            <source>Search is not available</source>
            <translation>La búsqueda no está disponible</translation>
        </message>
        <message>
            <source>Search is not available: {reason}</source>
            <translation>La búsqueda no está disponible: {reason}</translation>
        </message>
        <message>
            <source>This content pack has no topic to show.</source>
            <translation>Este paquete de contenido no tiene ningún tema que mostrar.</translation>
        </message>
        <message>
            <source>{topic} — {app}</source>
            <translation>{topic} — {app}</translation>
        </message>
    </context>
    <context>
        <name>OnScreenKeyboard</name>
        <message>
            <source>Backspace</source>
            <translation>Borrar letra</translation>
        </message>
        <message>
            <source>Clear</source>
            <translation>Borrar todo</translation>
        </message>
        <message>
            <source>Delete everything typed</source>
            <translation>Borrar todo lo que escribió</translation>
        </message>
        <message>
            <source>Delete the letter before the cursor</source>
            <translation>Borrar la letra que está antes del cursor</translation>
        </message>
        <message>
            <source>Hide keyboard</source>
            <translation>Ocultar teclado</translation>
        </message>
        <message>
            <source>OK</source>
            <translation>Aceptar</translation>
        </message>
        <message>
            <source>On-screen keyboard</source>
            <translation>Teclado en pantalla</translation>
        </message>
        <message>
            <source>Put the keyboard away</source>
            <translation>Quitar el teclado de la pantalla</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Buscar</translation>
        </message>
        <message>
            <source>Search for what you typed</source>
            <translation>Buscar lo que escribió</translation>
        </message>
        <message>
            <source>Space</source>
            <translation>Espacio</translation>
        </message>
        <message>
            <source>Type a space</source>
            <translation>Escribir un espacio</translation>
        </message>
        <message>
            <source>Type {key}</source>
            <translation>Escribir {key}</translation>
        </message>
        <message>
            <source>Use this PIN</source>
            <translation>Usar este PIN</translation>
        </message>
    </context>
    <context>
        <name>PackInstall</name>
        <message>
            <source>&amp;Install</source>
            <translation>&amp;Instalar</translation>
        </message>
        <message>
            <source>Content pack installed</source>
            <translation>Paquete de contenido instalado</translation>
        </message>
        <message>
            <source>Content pack not installed</source>
            <translation>Paquete de contenido no instalado</translation>
        </message>
        <message>
            <source>Content packs (*.hrpack)</source>
            <translation>Paquetes de contenido (*.hrpack)</translation>
        </message>
        <message>
            <source>Created: {date}</source>
            <translation>Creado: {date}</translation>
        </message>
        <message>
            <source>File: {name}</source>
            <translation>Archivo: {name}</translation>
        </message>
        <message>
            <source>Files: {count} ({size} bytes)</source>
            <translation>Archivos: {count} ({size} bytes)</translation>
        </message>
        <message>
            <source>Install content pack</source>
            <translation>Instalar paquete de contenido</translation>
        </message>
        <message>
            <source>NOT TRUSTED: signed by key {key}, which this reader does not trust</source>
            <translation>NO DE CONFIANZA: firmado con la clave {key}, en la que este lector no confía</translation>
        </message>
        <message>
            <source>NOT TRUSTED: the pack is not signed</source>
            <translation>NO DE CONFIANZA: el paquete no está firmado</translation>
        </message>
        <message>
            <source>Pack: {title} [{id}]</source>
            <translation>Paquete: {title} [{id}]</translation>
        </message>
        <message>
            <source>Publisher: {publisher}</source>
            <translation>Editor: {publisher}</translation>
        </message>
        <message>
            <source>REFUSED: {reason}</source>
            <translation>RECHAZADO: {reason}</translation>
        </message>
        <message>
            <source>This reader shows one content folder only: no pack library.</source>
            <translation>Este lector muestra una sola carpeta de contenido: no tiene biblioteca de paquetes.</translation>
        </message>
        <message>
            <source>VERIFIED: signed by {signer} (key {key})</source>
            <translation>VERIFICADO: firmado por {signer} (clave {key})</translation>
        </message>
        <message>
            <source>Version: {version}</source>
            <translation>Versión: {version}</translation>
        </message>
        <message>
            <source>{reason}

Nothing was changed.</source>
            <translation>{reason}

No se cambió nada.</translation>
        </message>
        <message>
            <source>{title}, version {version}, is installed.
Its topics are added to the contents; search is prepared again meanwhile.</source>
            <translation>{title}, versión {version}, está instalado.
Sus temas se añaden al índice; mientras tanto, la búsqueda se vuelve a preparar.</translation>
        </message>
        <message>
            <source>{verdict}

Install this pack?</source>
            <translation>{verdict}

¿Desea instalar este paquete?</translation>
        </message>
        <message>
            <source>{verdict}

Nothing was installed.</source>
            <translation>{verdict}

No se instaló nada.</translation>
        </message>
        <message>
            <source>{verdict}

This version is not newer. Nothing was installed.</source>
            <translation>{verdict}

Esta versión no es más reciente. No se instaló nada.</translation>
        </message>
        <message>
            <source>{verdict}
Installed now: version {version}</source>
            <translation>{verdict}
Instalado ahora: versión {version}</translation>
        </message>
    </context>
    <context>
        <name>PinOverlay</name>
        <message>
            <source>Administrator PIN</source>
            <translation>PIN del administrador</translation>
        </message>
        <message>
            <source>Back to the reader</source>
            <translation>Volver al lector</translation>
        </message>
        <message>
            <source>Cancel</source>
            <translation>Cancelar</translation>
        </message>
        <message>
            <source>Check the PIN and leave kiosk mode</source>
            <translation>Comprobar el PIN y salir del modo quiosco</translation>
        </message>
        <message>
            <source>Enter the administrator PIN to leave kiosk mode.</source>
            <translation>Escriba el PIN del administrador para salir del modo quiosco.</translation>
        </message>
        <message>
            <source>Go back to the reader</source>
            <translation>Volver al lector</translation>
        </message>
        <message>
            <source>No administrator PIN is set, so kiosk mode cannot be left from here. To set one, an administrator runs this command on this computer and restarts the reader:
{command}
(from a source checkout: {checkout_command}). See docs/kiosk.md.</source>
            <translation>No hay un PIN de administrador, así que no se puede salir del modo quiosco desde aquí. Para crear uno, un administrador ejecuta este comando en este equipo y vuelve a abrir el lector:
{command}
(desde una copia del código fuente: {checkout_command}). Vea docs/kiosk.md.</translation>
        </message>
        <message>
            <source>PIN</source>
            <translation>PIN</translation>
        </message>
        <message>
            <source>PIN message</source>
            <translation>Mensaje sobre el PIN</translation>
        </message>
        <message>
            <source>That PIN is not right.</source>
            <translation>Ese PIN no es correcto.</translation>
        </message>
        <message>
            <source>The administrator PIN (digits)</source>
            <translation>El PIN del administrador (solo números)</translation>
        </message>
        <message numerus="yes">
            <source>Too many wrong PINs. Try again in %n seconds.</source>
            <translation>
                <numerusform>Demasiados PIN incorrectos. Vuelva a intentarlo en %n segundo.</numerusform>
                <numerusform>Demasiados PIN incorrectos. Vuelva a intentarlo en %n segundos.</numerusform>
            </translation>
        </message>
        <message>
            <source>Unlock</source>
            <translation>Desbloquear</translation>
        </message>
        <message>
            <source>You can try again now.</source>
            <translation>Ya puede volver a intentarlo.</translation>
        </message>
    </context>
    <context>
        <name>ProblemsList</name>
        <message numerus="yes">
            <source>%n content warnings</source>
            <translation>
                <numerusform>%n aviso sobre el contenido</numerusform>
                <numerusform>%n avisos sobre el contenido</numerusform>
            </translation>
        </message>
        <message numerus="yes">
            <source>%n files not loaded</source>
            <translation>
                <numerusform>%n archivo sin cargar</numerusform>
                <numerusform>%n archivos sin cargar</numerusform>
            </translation>
        </message>
        <message>
            <source>Content problems</source>
            <translation>Problemas del contenido</translation>
        </message>
        <message>
            <source>Topic files that could not be loaded, with the line and field at fault</source>
            <translation>Archivos de temas que no se pudieron cargar, con la línea y el campo del error</translation>
        </message>
    </context>
    <context>
        <name>ReadAloud</name>
        <message>
            <source>&amp;Resume</source>
            <translation>&amp;Reanudar</translation>
        </message>
        <message>
            <source>Read aloud is off: {reason}</source>
            <translation>La lectura en voz alta está desactivada: {reason}</translation>
        </message>
        <message>
            <source>Reading aloud is not available: {reason}</source>
            <translation>La lectura en voz alta no está disponible: {reason}</translation>
        </message>
        <message>
            <source>Reading aloud stopped: {reason}</source>
            <translation>La lectura en voz alta se detuvo: {reason}</translation>
        </message>
    </context>
    <context>
        <name>ReferencesModel</name>
        <message>
            <source>Reference {number}: Ctrl+C copies it; Enter shows where the article cites it</source>
            <translation>Referencia {number}: Ctrl+C la copia; Intro muestra dónde la cita el artículo</translation>
        </message>
        <message>
            <source>Reference {number}: {citation}</source>
            <translation>Referencia {number}: {citation}</translation>
        </message>
    </context>
    <context>
        <name>ReferencesView</name>
        <message>
            <source>AMA (11th edition)</source>
            <translation>AMA (11.ª edición)</translation>
        </message>
        <message>
            <source>Citation &amp;style:</source>
            <translation>E&amp;stilo de cita:</translation>
        </message>
        <message>
            <source>Citation style</source>
            <translation>Estilo de cita</translation>
        </message>
        <message>
            <source>Cited in “{section}”: “{sentence}”</source>
            <translation>Citada en «{section}»: «{sentence}»</translation>
        </message>
        <message numerus="yes">
            <source>Copied all %n references to the clipboard in {style} style.</source>
            <translation>
                <numerusform>Se copió %n referencia al portapapeles en estilo {style}.</numerusform>
                <numerusform>Se copiaron las %n referencias al portapapeles en estilo {style}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Copied reference {number} to the clipboard in {style} style.</source>
            <translation>Se copió la referencia {number} al portapapeles en estilo {style}.</translation>
        </message>
        <message>
            <source>Copy all</source>
            <translation>Copiar todas</translation>
        </message>
        <message>
            <source>Copy citation</source>
            <translation>Copiar cita</translation>
        </message>
        <message>
            <source>Copy every reference as a list</source>
            <translation>Copiar todas las referencias como una lista</translation>
        </message>
        <message>
            <source>Copy the selected citation (Ctrl+C)</source>
            <translation>Copiar la cita seleccionada (Ctrl+C)</translation>
        </message>
        <message>
            <source>Export references</source>
            <translation>Exportar referencias</translation>
        </message>
        <message>
            <source>Export…</source>
            <translation>Exportar…</translation>
        </message>
        <message>
            <source>How citations are shown and copied: NLM/Vancouver or AMA</source>
            <translation>Cómo se muestran y copian las citas: NLM/Vancouver o AMA</translation>
        </message>
        <message>
            <source>NLM / Vancouver</source>
            <translation>NLM / Vancouver</translation>
        </message>
        <message>
            <source>No PMID or DOI recorded.</source>
            <translation>No consta PMID ni DOI.</translation>
        </message>
        <message>
            <source>PMID, DOI and the sentences that cite the selected reference</source>
            <translation>PMID, DOI y las frases que citan la referencia seleccionada</translation>
        </message>
        <message>
            <source>Reference details</source>
            <translation>Detalles de la referencia</translation>
        </message>
        <message>
            <source>References</source>
            <translation>Referencias</translation>
        </message>
        <message>
            <source>Save the references as RIS or BibTeX</source>
            <translation>Guardar las referencias como RIS o BibTeX</translation>
        </message>
        <message numerus="yes">
            <source>Saved %n references to {file}.</source>
            <translation>
                <numerusform>Se guardó %n referencia en {file}.</numerusform>
                <numerusform>Se guardaron %n referencias en {file}.</numerusform>
            </translation>
        </message>
        <message>
            <source>Select a reference to copy it.</source>
            <translation>Seleccione una referencia para copiarla.</translation>
        </message>
        <message>
            <source>Select a reference to see its PMID, DOI and where the article cites it.</source>
            <translation>Seleccione una referencia para ver su PMID, su DOI y dónde la cita el artículo.</translation>
        </message>
        <message>
            <source>Show the first sentence of the article that cites this reference (Enter)</source>
            <translation>Mostrar la primera frase del artículo que cita esta referencia (Intro)</translation>
        </message>
        <message>
            <source>Show where cited</source>
            <translation>Mostrar dónde se cita</translation>
        </message>
        <message>
            <source>Status</source>
            <translation>Estado</translation>
        </message>
        <message>
            <source>The topic's references. Ctrl+C copies the selected citation.</source>
            <translation>Las referencias del tema. Ctrl+C copia la cita seleccionada.</translation>
        </message>
        <message>
            <source>⚠ Could not save {file}: {reason}. Nothing was written; choose another folder or name.</source>
            <translation>⚠ No se pudo guardar {file}: {reason}. No se escribió nada; elija otra carpeta u otro nombre.</translation>
        </message>
    </context>
    <context>
        <name>SearchPanel</name>
        <message numerus="yes">
            <source>%n results</source>
            <translation>
                <numerusform>%n resultado</numerusform>
                <numerusform>%n resultados</numerusform>
            </translation>
        </message>
        <message>
            <source>Browse the topics instead.</source>
            <translation>Mientras tanto, puede consultar la lista de temas.</translation>
        </message>
        <message>
            <source>Clear the search</source>
            <translation>Borrar la búsqueda</translation>
        </message>
        <message>
            <source>Enter, click or tap opens a result</source>
            <translation>Intro, un clic o un toque abre un resultado</translation>
        </message>
        <message>
            <source>No results for “{query}”</source>
            <translation>No hay resultados para “{query}”</translation>
        </message>
        <message>
            <source>No results for “{query}”; showing the results for “{suggestion}”.</source>
            <translation>No hay resultados para “{query}”; se muestran los resultados para “{suggestion}”.</translation>
        </message>
        <message>
            <source>Preparing the search index…</source>
            <translation>Preparando el índice de búsqueda…</translation>
        </message>
        <message>
            <source>Search every topic (Ctrl+F). Results appear as you type; Enter opens the first.</source>
            <translation>Buscar en todos los temas (Ctrl+F). Los resultados aparecen mientras escribe; Intro abre el primero.</translation>
        </message>
        <message>
            <source>Search is not available right now.</source>
            <translation>La búsqueda no está disponible en este momento.</translation>
        </message>
        <message>
            <source>Search results</source>
            <translation>Resultados de la búsqueda</translation>
        </message>
        <message>
            <source>Search status</source>
            <translation>Estado de la búsqueda</translation>
        </message>
        <message>
            <source>Search suggestions</source>
            <translation>Sugerencias de búsqueda</translation>
        </message>
        <message>
            <source>Search topics</source>
            <translation>Buscar temas</translation>
        </message>
        <message numerus="yes">
            <source>Showing {shown} of %n results</source>
            <translation>
                <numerusform>Se muestra {shown} de %n resultado</numerusform>
                <numerusform>Se muestran {shown} de %n resultados</numerusform>
            </translation>
        </message>
        <message>
            <source>Try:
• checking the spelling
• fewer words
• a more general word</source>
            <translation>Pruebe a:
• revisar la ortografía
• usar menos palabras
• usar una palabra más general</translation>
        </message>
        <message>
            <source>Type a word or two to search every topic.</source>
            <translation>Escriba una o dos palabras para buscar en todos los temas.</translation>
        </message>
        <message>
            <source>You can type now: results appear as soon as it is ready.</source>
            <translation>Ya puede escribir: los resultados aparecerán en cuanto esté listo.</translation>
        </message>
    </context>
    <context>
        <name>ShortcutsDialog</name>
        <message>
            <source>Action</source>
            <translation>Acción</translation>
        </message>
        <message>
            <source>Every keyboard shortcut of the reader</source>
            <translation>Todos los atajos de teclado del lector</translation>
        </message>
        <message>
            <source>Keyboard shortcuts</source>
            <translation>Atajos de teclado</translation>
        </message>
        <message>
            <source>Keys</source>
            <translation>Teclas</translation>
        </message>
        <message>
            <source>Menu</source>
            <translation>Menú</translation>
        </message>
        <message>
            <source>What it does</source>
            <translation>Qué hace</translation>
        </message>
        <message>
            <source>{keys} or {key}</source>
            <translation>{keys} o {key}</translation>
        </message>
    </context>
    <context>
        <name>SpeechControls</name>
        <message>
            <source>Faster</source>
            <translation>Más rápida</translation>
        </message>
        <message>
            <source>How fast the text is read</source>
            <translation>Con qué rapidez se lee el texto</translation>
        </message>
        <message>
            <source>No voice: {reason}</source>
            <translation>Sin voz: {reason}</translation>
        </message>
        <message>
            <source>Normal</source>
            <translation>Normal</translation>
        </message>
        <message>
            <source>Read aloud</source>
            <translation>Leer en voz alta</translation>
        </message>
        <message>
            <source>Read aloud toolbar</source>
            <translation>Barra de lectura en voz alta</translation>
        </message>
        <message>
            <source>Slower</source>
            <translation>Más lenta</translation>
        </message>
        <message>
            <source>Speed</source>
            <translation>Velocidad</translation>
        </message>
        <message>
            <source>Speed:</source>
            <translation>Velocidad:</translation>
        </message>
        <message>
            <source>The voice for this topic's language (remembered)</source>
            <translation>La voz para el idioma de este tema (se recuerda)</translation>
        </message>
        <message>
            <source>Voice</source>
            <translation>Voz</translation>
        </message>
        <message>
            <source>Voice:</source>
            <translation>Voz:</translation>
        </message>
    </context>
    <context>
        <name>StatusWidgets</name>
        <message>
            <source>No topics to search</source>
            <translation>No hay temas para buscar</translation>
        </message>
        <message>
            <source>Preparing the search index…</source>
            <translation>Preparando el índice de búsqueda…</translation>
        </message>
        <message>
            <source>Search index progress</source>
            <translation>Progreso del índice de búsqueda</translation>
        </message>
        <message>
            <source>Search index status</source>
            <translation>Estado del índice de búsqueda</translation>
        </message>
        <message>
            <source>Search not available</source>
            <translation>Búsqueda no disponible</translation>
        </message>
        <message>
            <source>Search ready</source>
            <translation>Búsqueda lista</translation>
        </message>
        <message>
            <source>Show content problems</source>
            <translation>Mostrar los problemas del contenido</translation>
        </message>
        <message>
            <source>Some topic files could not be loaded: show why</source>
            <translation>Algunos archivos de temas no se pudieron cargar: ver por qué</translation>
        </message>
        <message>
            <source>Text size</source>
            <translation>Tamaño del texto</translation>
        </message>
        <message>
            <source>Text size {percent}%</source>
            <translation>Tamaño del texto {percent} %</translation>
        </message>
    </context>
    <context>
        <name>TocModel</name>
        <message>
            <source>Open the topic “{title}”</source>
            <translation>Abrir el tema “{title}”</translation>
        </message>
        <message>
            <source>Read “{title}”</source>
            <translation>Leer “{title}”</translation>
        </message>
    </context>
    <context>
        <name>TocView</name>
        <message>
            <source>Table of contents</source>
            <translation>Índice de contenido</translation>
        </message>
        <message>
            <source>Table of contents: click a section, or press Enter, to read it</source>
            <translation>Índice de contenido: haga clic en una sección, o pulse Intro, para leerla</translation>
        </message>
        <message>
            <source>Topics and their sections. Press Enter to read the selected one.</source>
            <translation>Temas y sus secciones. Pulse Intro para leer el elemento seleccionado.</translation>
        </message>
    </context>
    <context>
        <name>TopicLanguageBar</name>
        <message>
            <source>Language of this topic</source>
            <translation>Idioma de este tema</translation>
        </message>
        <message>
            <source>Show this topic as its publisher wrote it in that language</source>
            <translation>Muestra este tema tal como lo escribió su editor en ese idioma</translation>
        </message>
        <message>
            <source>This topic is available in English only.</source>
            <translation>Este tema solo está disponible en inglés.</translation>
        </message>
        <message>
            <source>This topic is not available in your language.</source>
            <translation>Este tema no está disponible en su idioma.</translation>
        </message>
    </context>
    <context>
        <name>WindowParts</name>
        <message>
            <source>&amp;Article</source>
            <translation>Artícul&amp;o</translation>
        </message>
        <message>
            <source>&amp;Compare procedures</source>
            <translation>&amp;Comparar procedimientos</translation>
        </message>
        <message>
            <source>&amp;References</source>
            <translation>&amp;Referencias</translation>
        </message>
        <message>
            <source>Close the content problems panel</source>
            <translation>Cerrar el panel de problemas del contenido</translation>
        </message>
        <message>
            <source>Close the contents panel</source>
            <translation>Cerrar el panel de contenido</translation>
        </message>
        <message>
            <source>Close the search panel</source>
            <translation>Cerrar el panel de búsqueda</translation>
        </message>
        <message>
            <source>Content problems</source>
            <translation>Problemas del contenido</translation>
        </message>
        <message>
            <source>Content problems panel</source>
            <translation>Panel de problemas del contenido</translation>
        </message>
        <message>
            <source>Contents</source>
            <translation>Contenido</translation>
        </message>
        <message>
            <source>Contents panel</source>
            <translation>Panel de contenido</translation>
        </message>
        <message>
            <source>Detach the content problems panel</source>
            <translation>Separar el panel de problemas del contenido</translation>
        </message>
        <message>
            <source>Detach the contents panel</source>
            <translation>Separar el panel de contenido</translation>
        </message>
        <message>
            <source>Detach the search panel</source>
            <translation>Separar el panel de búsqueda</translation>
        </message>
        <message>
            <source>Pages</source>
            <translation>Páginas</translation>
        </message>
        <message>
            <source>Read the topic</source>
            <translation>Leer el tema</translation>
        </message>
        <message>
            <source>Search</source>
            <translation>Búsqueda</translation>
        </message>
        <message>
            <source>Search panel</source>
            <translation>Panel de búsqueda</translation>
        </message>
        <message>
            <source>Show or hide the content problems panel</source>
            <translation>Mostrar u ocultar el panel de problemas del contenido</translation>
        </message>
        <message>
            <source>Show or hide the contents panel</source>
            <translation>Mostrar u ocultar el panel de contenido</translation>
        </message>
        <message>
            <source>Show or hide the search panel</source>
            <translation>Mostrar u ocultar el panel de búsqueda</translation>
        </message>
        <message>
            <source>Switch between the article, the comparison and the references (Ctrl+Tab)</source>
            <translation>Cambiar entre el artículo, la comparación y las referencias (Ctrl+Tab)</translation>
        </message>
        <message>
            <source>The article, the comparison of procedures and the references</source>
            <translation>El artículo, la comparación de procedimientos y las referencias</translation>
        </message>
        <message>
            <source>The procedures side by side; each value links to its sentence</source>
            <translation>Los procedimientos uno al lado del otro; cada valor enlaza con su frase</translation>
        </message>
        <message>
            <source>The topic's references: copy or export citations</source>
            <translation>Las referencias del tema: copie o exporte las citas</translation>
        </message>
    </context>
</TS>
