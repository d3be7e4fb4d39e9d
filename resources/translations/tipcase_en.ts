<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en">
<context>
    <name>CertificatePrintWindow</name>
    <message numerus="yes">
        <source>Print %n certificate(s)</source>
        <translation>
            <numerusform>Print the certificate</numerusform>
            <numerusform>Print %n certificates</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CohortsPage</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; member(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; member</numerusform>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new account(s)</source>
        <translation>
            <numerusform>%n new account</numerusform>
            <numerusform>%n new accounts</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n existing</source>
        <translation>
            <numerusform>%n existing</numerusform>
            <numerusform>%n existing</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n skipped</numerusform>
            <numerusform>%n skipped</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n name(s) corrected</source>
        <translation>
            <numerusform>%n name corrected</numerusform>
            <numerusform>%n names corrected</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ControlRoomPage</name>
    <message numerus="yes">
        <source>%n role(s)</source>
        <translation>
            <numerusform>%n role</numerusform>
            <numerusform>%n roles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n event</numerusform>
            <numerusform>%n events</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>DebriefPage</name>
    <message numerus="yes">
        <source>earned {earned} %, counted {counted} % (lost %n point(s))</source>
        <translation>
            <numerusform>earned {earned} %, counted {counted} % (lost %n point)</numerusform>
            <numerusform>earned {earned} %, counted {counted} % (lost %n points)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message numerus="yes">
        <source>%n more like this, not listed</source>
        <translation>
            <numerusform>%n more like this, not listed</numerusform>
            <numerusform>%n more like this, not listed</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message numerus="yes">
        <source>You also take part in %n team exercise(s):</source>
        <translation>
            <numerusform>You also take part in a team exercise:</numerusform>
            <numerusform>You also take part in %n team exercises:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>You have no course yet, but you take part in %n team exercise(s):</source>
        <translation>
            <numerusform>You have no course yet, but you take part in a team exercise:</numerusform>
            <numerusform>You have no course yet, but you take part in %n team exercises:</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more that ended: their joint debriefs are in your team exercises.</source>
        <translation>
            <numerusform>One more has ended: its joint debrief is in your team exercises.</numerusform>
            <numerusform>%n more have ended: their joint debriefs are in your team exercises.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>IssueCohortDialog</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n member</numerusform>
            <numerusform>%n members</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) will be issued: {names}.</source>
        <translation>
            <numerusform>%n certificate will be issued: {names}.</numerusform>
            <numerusform>%n certificates will be issued: {names}.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) issued: {names}.</source>
        <translation>
            <numerusform>%n certificate issued: {names}.</numerusform>
            <numerusform>%n certificates issued: {names}.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message numerus="yes">
        <source>%n role(s)</source>
        <translation>
            <numerusform>%n role</numerusform>
            <numerusform>%n roles</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) in {file}: it cannot be published. Correct the file, then publish it again.</source>
        <translation>
            <numerusform>%n error in {file}: it cannot be published. Correct the file, then publish it again.</numerusform>
            <numerusform>%n errors in {file}: it cannot be published. Correct the file, then publish it again.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>PlayFromHereDialog</name>
    <message numerus="yes">
        <source>Reached by the shortest route from the start (%n choice(s)), so the variables and score are a trainee&apos;s.</source>
        <translation>
            <numerusform>Reached by the shortest route from the start (%n choice), so the variables and score are a trainee&apos;s.</numerusform>
            <numerusform>Reached by the shortest route from the start (%n choices), so the variables and score are a trainee&apos;s.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message numerus="yes">
        <source>%n certificate(s) issued.</source>
        <translation>
            <numerusform>%n certificate issued.</numerusform>
            <numerusform>%n certificates issued.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Select one certificate to revoke: %n are selected.</source>
        <translation>
            <numerusform>Select one certificate to revoke: %n is selected.</numerusform>
            <numerusform>Select one certificate to revoke: %n are selected.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Preparing %n certificate(s)…</source>
        <translation>
            <numerusform>Preparing the certificate…</numerusform>
            <numerusform>Preparing %n certificates…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer: a paper copy, verified by its code or QR code.</source>
        <translation>
            <numerusform>%n page sent to the printer: a paper copy, verified by its code or QR code.</numerusform>
            <numerusform>%n pages sent to the printer: a paper copy, verified by its code or QR code.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) exported.</source>
        <translation>
            <numerusform>%n certificate exported.</numerusform>
            <numerusform>%n certificates exported.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message numerus="yes">
        <source>%n row(s) ready to import;</source>
        <translation>
            <numerusform>%n row ready to import;</numerusform>
            <numerusform>%n rows ready to import;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors will be skipped.</source>
        <translation>
            <numerusform>%n row with errors will be skipped.</numerusform>
            <numerusform>%n rows with errors will be skipped.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have a cell that starts like a spreadsheet formula (=, +, - or @): it is imported as text; check it.</source>
        <translation>
            <numerusform>%n row has a cell that starts like a spreadsheet formula (=, +, - or @): it is imported as text; check it.</numerusform>
            <numerusform>%n rows have a cell that starts like a spreadsheet formula (=, +, - or @): it is imported as text; check it.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have a value that a formula in the workbook computed: check it is the value meant.</source>
        <translation>
            <numerusform>%n row has a value that a formula in the workbook computed: check it is the value meant.</numerusform>
            <numerusform>%n rows have a value that a formula in the workbook computed: check it is the value meant.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have the staff ID of an account with another name: check them, or the roster enrols that account.</source>
        <translation>
            <numerusform>%n row has the staff ID of an account with another name: check it, or the roster enrols that account.</numerusform>
            <numerusform>%n rows have the staff ID of an account with another name: check them, or the roster enrols that account.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Correct the names of these %n account(s) to the roster&apos;s</source>
        <translation>
            <numerusform>&amp;Correct the name of this account to the roster&apos;s</numerusform>
            <numerusform>&amp;Correct the names of these %n accounts to the roster&apos;s</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n row(s)</source>
        <translation>
            <numerusform>&amp;Import %n row</numerusform>
            <numerusform>&amp;Import %n rows</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TeamDebriefPage</name>
    <message numerus="yes">
        <source>Areas to improve (%n)</source>
        <translation>
            <numerusform>An area to improve</numerusform>
            <numerusform>Areas to improve (%n)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TwineImportDialog</name>
    <message numerus="yes">
        <source>%n H5P item(s)</source>
        <translation>
            <numerusform>%n H5P item</numerusform>
            <numerusform>%n H5P items</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n passage</numerusform>
            <numerusform>%n passages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n stage</numerusform>
            <numerusform>%n stages</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n choice(s)</source>
        <translation>
            <numerusform>%n choice</numerusform>
            <numerusform>%n choices</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The validator still finds %n error(s): {first}</source>
        <translation>
            <numerusform>The validator still finds %n error: {first}</numerusform>
            <numerusform>The validator still finds %n errors: {first}</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): what was changed or left out</source>
        <translation>
            <numerusform>%n warning: what was changed or left out</numerusform>
            <numerusform>%n warnings: what was changed or left out</numerusform>
        </translation>
    </message>
</context>
</TS>
