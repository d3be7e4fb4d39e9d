<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>CohortsPage</name>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="88"/>
        <location filename="../../ui/pages/cohorts.py" line="91"/>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="88"/>
        <source>Decisions</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="88"/>
        <source>Poor choices</source>
        <translation>Pilihan buruk</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="88"/>
        <source>Poor share (%)</source>
        <translation>Porsi buruk (%)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="88"/>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="91"/>
        <source>Choice</source>
        <translation>Pilihan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="91"/>
        <source>Taken</source>
        <translation>Dipilih</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="91"/>
        <source>Share (%)</source>
        <translation>Porsi (%)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="91"/>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="93"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="93"/>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="93"/>
        <source>What</source>
        <translation>Apa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="130"/>
        <source>Cohorts and analytics</source>
        <translation>Angkatan dan analitik</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="131"/>
        <source>C&amp;ohort</source>
        <translation>A&amp;ngkatan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="132"/>
        <source>Co&amp;urse</source>
        <translation>Kurs&amp;us</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="133"/>
        <source>&amp;Scenario</source>
        <translation>&amp;Skenario</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="134"/>
        <source>&amp;New cohort…</source>
        <translation>Angkatan &amp;baru…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="135"/>
        <source>Import a &amp;roster…</source>
        <translation>Impor &amp;daftar peserta…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="136"/>
        <source>New &amp;course…</source>
        <translation>&amp;Kursus baru…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="137"/>
        <source>&amp;Assign a course…</source>
        <translation>&amp;Tetapkan kursus…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="138"/>
        <source>&amp;Export the report…</source>
        <translation>&amp;Ekspor laporan…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="139"/>
        <location filename="../../ui/pages/cohorts.py" line="145"/>
        <source>Hardest stages</source>
        <translation>Tahap tersulit</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="140"/>
        <location filename="../../ui/pages/cohorts.py" line="146"/>
        <source>Every choice</source>
        <translation>Semua pilihan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="141"/>
        <location filename="../../ui/pages/cohorts.py" line="147"/>
        <source>Critical errors and broken rules</source>
        <translation>Kesalahan kritis dan aturan yang dilanggar</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="142"/>
        <source>On the case graph</source>
        <translation>Pada graf kasus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="143"/>
        <source>Progress over time</source>
        <translation>Kemajuan harian</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="144"/>
        <source>The case graph, each choice drawn as wide as the share of trainees who took it</source>
        <translation>Graf kasus, setiap pilihan digambar selebar porsi peserta yang memilihnya</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="163"/>
        <source>Cohorts</source>
        <translation>Angkatan</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/cohorts.py" line="175"/>
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n anggota</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="234"/>
        <source>No cohort yet: create one, import its roster, and assign it a course.</source>
        <translation>Belum ada angkatan: buat angkatan, impor daftar pesertanya, lalu tetapkan kursusnya.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="236"/>
        <source>This cohort has no course yet.</source>
        <translation>Angkatan ini belum memiliki kursus.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="240"/>
        <location filename="../../ui/pages/cohorts.py" line="266"/>
        <source>Mean percent per competency</source>
        <translation>Rata-rata persen per kompetensi</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/cohorts.py" line="243"/>
        <source>&lt;b&gt;%n&lt;/b&gt; member(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; anggota</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="245"/>
        <source>&lt;b&gt;{started}&lt;/b&gt; started, &lt;b&gt;{completed}&lt;/b&gt; completed ({completion} %), &lt;b&gt;{passed}&lt;/b&gt; passed ({pass_rate} %). Mean result of finished attempts: &lt;b&gt;{mean} %&lt;/b&gt;.</source>
        <translation>&lt;b&gt;{started}&lt;/b&gt; memulai, &lt;b&gt;{completed}&lt;/b&gt; selesai ({completion} %), &lt;b&gt;{passed}&lt;/b&gt; lulus ({pass_rate} %). Rata-rata hasil percobaan yang selesai: &lt;b&gt;{mean} %&lt;/b&gt;.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="260"/>
        <location filename="../../ui/pages/cohorts.py" line="262"/>
        <source>Critical error</source>
        <translation>Kesalahan kritis</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="261"/>
        <source>Broken rule</source>
        <translation>Aturan dilanggar</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="269"/>
        <source>Completed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="269"/>
        <source>Passed</source>
        <translation>Lulus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="270"/>
        <source>Members who completed and passed, by day</source>
        <translation>Anggota yang selesai dan lulus, per hari</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="304"/>
        <source>New cohort</source>
        <translation>Angkatan baru</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="307"/>
        <source>NTT investigators, 2026 intake</source>
        <translation>Penyidik NTT, angkatan 2026</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="309"/>
        <source>Short name (a-z, 0-9, -):</source>
        <translation>Nama singkat (a-z, 0-9, -):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="310"/>
        <source>Title:</source>
        <translation>Judul:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="338"/>
        <source>Course {code} created</source>
        <translation>Kursus {code} dibuat</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="355"/>
        <source>Assign a course to {cohort}</source>
        <translation>Tetapkan kursus untuk {cohort}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="357"/>
        <source>Course:</source>
        <translation>Kursus:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="374"/>
        <source>Import a roster</source>
        <translation>Impor daftar peserta</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="374"/>
        <source>Rosters (*.xlsx *.csv);;Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Daftar peserta (*.xlsx *.csv);;Buku kerja Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="402"/>
        <source>Roster imported: {created} new account(s), {existing} existing, {skipped} skipped</source>
        <translation>Daftar peserta diimpor: {created} akun baru, {existing} akun yang sudah ada, {skipped} dilewati</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="412"/>
        <source>New accounts</source>
        <translation>Akun baru</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="413"/>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="413"/>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="416"/>
        <source>&amp;Save as CSV…</source>
        <translation>&amp;Simpan sebagai CSV…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="422"/>
        <source>Give each trainee their password; they can change it after signing in. It is not shown again.</source>
        <translation>Berikan kata sandi kepada setiap peserta; mereka dapat mengubahnya setelah masuk. Kata sandi ini tidak ditampilkan lagi.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="432"/>
        <source>Save the passwords</source>
        <translation>Simpan kata sandi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="432"/>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="445"/>
        <source>Export the report</source>
        <translation>Ekspor laporan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/cohorts.py" line="447"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Buku kerja Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="30"/>
        <source>New course</source>
        <translation>Kursus baru</translation>
    </message>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="35"/>
        <source>Scenarios in the course</source>
        <translation>Skenario dalam kursus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="44"/>
        <source>Every scenario passed</source>
        <translation>Semua skenario lulus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="45"/>
        <source>A mean percent over the scenarios</source>
        <translation>Rata-rata persen seluruh skenario</translation>
    </message>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="53"/>
        <source>The best attempt counts</source>
        <translation>Percobaan terbaik yang dihitung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="54"/>
        <source>The last attempt counts</source>
        <translation>Percobaan terakhir yang dihitung</translation>
    </message>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="57"/>
        <source>no limit</source>
        <translation>tanpa batas</translation>
    </message>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="58"/>
        <source>Show each choice&apos;s feedback at once (otherwise in the debrief)</source>
        <translation>Tampilkan umpan balik setiap pilihan langsung (jika tidak, di evaluasi)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="60"/>
        <source>Code (a-z, 0-9, -):</source>
        <translation>Kode (a-z, 0-9, -):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="61"/>
        <source>Title (English):</source>
        <translation>Judul (bahasa Inggris):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="62"/>
        <source>Title (Bahasa Indonesia):</source>
        <translation>Judul (Bahasa Indonesia):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="63"/>
        <source>Scenarios (tick, in order):</source>
        <translation>Skenario (centang, berurutan):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="64"/>
        <source>Pass rule:</source>
        <translation>Aturan kelulusan:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="65"/>
        <source>Mean percent to pass:</source>
        <translation>Rata-rata persen untuk lulus:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="66"/>
        <source>Attempts:</source>
        <translation>Percobaan:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/course_dialog.py" line="67"/>
        <source>Most attempts per scenario:</source>
        <translation>Percobaan terbanyak per skenario:</translation>
    </message>
</context>
<context>
    <name>CourseTreeModel</name>
    <message>
        <location filename="../../ui/models/courses.py" line="85"/>
        <source>Course and case</source>
        <translation>Kursus dan kasus</translation>
    </message>
    <message>
        <location filename="../../ui/models/courses.py" line="85"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/courses.py" line="85"/>
        <source>Best score</source>
        <translation>Nilai terbaik</translation>
    </message>
    <message>
        <location filename="../../ui/models/courses.py" line="85"/>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <location filename="../../ui/models/courses.py" line="98"/>
        <source>Completed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <location filename="../../ui/models/courses.py" line="98"/>
        <source>Not yet completed</source>
        <translation>Belum selesai</translation>
    </message>
</context>
<context>
    <name>DebriefPage</name>
    <message>
        <location filename="../../ui/pages/debrief.py" line="84"/>
        <source>&amp;Back to my courses</source>
        <translation>&amp;Kembali ke kursus saya</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="85"/>
        <source>Your &amp;decisions (✓ good practice, ✗ could be better, ‼ critical error)</source>
        <translation>Keputusan &amp;Anda (✓ praktik baik, ✗ bisa lebih baik, ‼ kesalahan kritis)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="86"/>
        <source>Your decisions</source>
        <translation>Keputusan Anda</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="87"/>
        <source>Feedback on the decision</source>
        <translation>Umpan balik atas keputusan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="88"/>
        <source>&amp;Competencies</source>
        <translation>Ko&amp;mpetensi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="89"/>
        <source>&amp;Route</source>
        <translation>&amp;Rute</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="90"/>
        <source>Referral &amp;pathway</source>
        <translation>&amp;Jalur rujukan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="91"/>
        <source>Your route and the best route through the case</source>
        <translation>Rute Anda dan rute terbaik dalam kasus ini</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="92"/>
        <source>Your trail and the best trail on the referral pathway</source>
        <translation>Jejak Anda dan jejak terbaik di jalur rujukan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="127"/>
        <source>Percent per competency</source>
        <translation>Persentase per kompetensi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="137"/>
        <source>Passed</source>
        <translation>Lulus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="137"/>
        <source>Not passed</source>
        <translation>Tidak lulus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="139"/>
        <source>Your score: {score:g} % (pass mark {mark:g} %).</source>
        <translation>Nilai Anda: {score:g} % (batas lulus {mark:g} %).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="142"/>
        <source>Critical error: {text}</source>
        <translation>Kesalahan kritis: {text}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="147"/>
        <source>Pathway rule broken: {rule}{cost}</source>
        <translation>Aturan jalur rujukan dilanggar: {rule}{cost}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="152"/>
        <source>Off-pathway referral: {a} → {b}</source>
        <translation>Rujukan di luar jalur: {a} → {b}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="174"/>
        <source>You chose</source>
        <translation>Pilihan Anda</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="175"/>
        <source>Critical error</source>
        <translation>Kesalahan kritis</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="176"/>
        <source>Reference</source>
        <translation>Rujukan hukum</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="177"/>
        <source>Good practice here</source>
        <translation>Praktik baik di sini</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="236"/>
        <source>End: success</source>
        <translation>Akhir: berhasil</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="236"/>
        <source>End: partial success</source>
        <translation>Akhir: berhasil sebagian</translation>
    </message>
    <message>
        <location filename="../../ui/pages/debrief.py" line="236"/>
        <source>End: failure</source>
        <translation>Akhir: gagal</translation>
    </message>
</context>
<context>
    <name>DecisionListModel</name>
    <message>
        <location filename="../../ui/models/decisions.py" line="59"/>
        <source>good practice</source>
        <translation>praktik baik</translation>
    </message>
    <message>
        <location filename="../../ui/models/decisions.py" line="59"/>
        <source>could be better</source>
        <translation>bisa lebih baik</translation>
    </message>
    <message>
        <location filename="../../ui/models/decisions.py" line="59"/>
        <source>critical error</source>
        <translation>kesalahan kritis</translation>
    </message>
</context>
<context>
    <name>EditorPage</name>
    <message>
        <location filename="../../ui/pages/editor.py" line="389"/>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="390"/>
        <source>Open…</source>
        <translation>Buka…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="391"/>
        <source>Import…</source>
        <translation>Impor…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="392"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="393"/>
        <source>Save as…</source>
        <translation>Simpan sebagai…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="394"/>
        <source>Publish</source>
        <translation>Terbitkan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="395"/>
        <source>Add stage</source>
        <translation>Tambah tahap</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="396"/>
        <source>Duplicate stage</source>
        <translation>Gandakan tahap</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="397"/>
        <source>Add choice</source>
        <translation>Tambah pilihan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="398"/>
        <location filename="../../ui/pages/editor.py" line="950"/>
        <location filename="../../ui/pages/editor.py" line="1040"/>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="399"/>
        <source>Rename…</source>
        <translation>Ganti nama…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="400"/>
        <source>Set as start</source>
        <translation>Jadikan awal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="401"/>
        <source>Case details</source>
        <translation>Rincian kasus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="402"/>
        <source>Case file</source>
        <translation>Berkas kasus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="403"/>
        <location filename="../../ui/pages/editor.py" line="1128"/>
        <source>Play from here</source>
        <translation>Mainkan dari sini</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="404"/>
        <location filename="../../ui/pages/editor.py" line="1168"/>
        <source>Arrange automatically</source>
        <translation>Atur otomatis</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="408"/>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="409"/>
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="411"/>
        <location filename="../../ui/pages/editor.py" line="438"/>
        <location filename="../../ui/pages/editor.py" line="454"/>
        <source>Title (English)</source>
        <translation>Judul (bahasa Inggris)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="412"/>
        <location filename="../../ui/pages/editor.py" line="439"/>
        <location filename="../../ui/pages/editor.py" line="455"/>
        <source>Title (Indonesian)</source>
        <translation>Judul (bahasa Indonesia)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="413"/>
        <source>Text (English)</source>
        <translation>Teks (bahasa Inggris)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="414"/>
        <source>Text (Indonesian)</source>
        <translation>Teks (bahasa Indonesia)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="415"/>
        <source>End</source>
        <translation>Akhir</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="416"/>
        <source>Pathway step</source>
        <translation>Langkah jalur</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="417"/>
        <source>Reveals exhibits</source>
        <translation>Membuka barang bukti</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="421"/>
        <source>Label (English)</source>
        <translation>Label (bahasa Inggris)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="422"/>
        <source>Label (Indonesian)</source>
        <translation>Label (bahasa Indonesia)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="423"/>
        <source>Leads to</source>
        <translation>Menuju</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="424"/>
        <source>Feedback (English)</source>
        <translation>Umpan balik (bahasa Inggris)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="425"/>
        <source>Feedback (Indonesian)</source>
        <translation>Umpan balik (bahasa Indonesia)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="426"/>
        <source>Scores</source>
        <translation>Skor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="427"/>
        <source>Critical error (why)</source>
        <translation>Kesalahan kritis (alasannya)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="428"/>
        <source>Offered when</source>
        <translation>Ditawarkan jika</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="429"/>
        <source>Sets variables</source>
        <translation>Menetapkan variabel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="430"/>
        <source>Adds to variables</source>
        <translation>Menambah variabel</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="431"/>
        <source>Hours it takes</source>
        <translation>Lama waktu (jam)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="432"/>
        <source>Legal reference</source>
        <translation>Rujukan hukum</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="436"/>
        <source>Case id</source>
        <translation>ID kasus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="437"/>
        <source>Version</source>
        <translation>Versi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="440"/>
        <source>Summary (English)</source>
        <translation>Ringkasan (Inggris)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="441"/>
        <source>Summary (Indonesian)</source>
        <translation>Ringkasan (Indonesia)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="442"/>
        <source>Content warning (English)</source>
        <translation>Peringatan konten (Inggris)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="443"/>
        <source>Content warning (Indonesian)</source>
        <translation>Peringatan konten (Indonesia)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="444"/>
        <source>Referral pathway</source>
        <translation>Jalur rujukan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="445"/>
        <source>Pass mark</source>
        <translation>Nilai lulus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="446"/>
        <source>Variables (starting values)</source>
        <translation>Variabel (nilai awal)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="449"/>
        <source>Competencies and the case file&apos;s exhibits are kept as they are in the file; edit them there.</source>
        <translation>Kompetensi dan barang bukti dalam berkas kasus dibiarkan seperti di berkasnya; ubah di sana.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="450"/>
        <source>Apply to the case</source>
        <translation>Terapkan ke kasus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="452"/>
        <source>Exhibit id</source>
        <translation>ID barang bukti</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="453"/>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="456"/>
        <source>Content (English)</source>
        <translation>Isi (bahasa Inggris)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="457"/>
        <source>Content (Indonesian)</source>
        <translation>Isi (bahasa Indonesia)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="458"/>
        <source>File (optional)</source>
        <translation>Berkas (opsional)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="461"/>
        <source>Add an exhibit</source>
        <translation>Tambah barang bukti</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="462"/>
        <source>Choose a picture or recording…</source>
        <translation>Pilih gambar atau rekaman…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="463"/>
        <source>Delete the exhibit</source>
        <translation>Hapus barang bukti</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="464"/>
        <source>Apply to the exhibit</source>
        <translation>Terapkan pada barang bukti</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="465"/>
        <source>Exhibits in the case file</source>
        <translation>Barang bukti dalam berkas kasus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="466"/>
        <source>Apply to the stage</source>
        <translation>Terapkan pada tahap</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="467"/>
        <source>Apply to the choice</source>
        <translation>Terapkan pada pilihan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="468"/>
        <source>Move up</source>
        <translation>Naikkan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="469"/>
        <source>Move down</source>
        <translation>Turunkan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="470"/>
        <source>Earlier in the list trainees see (Alt+Up)</source>
        <translation>Lebih awal dalam daftar yang dilihat peserta (Alt+Atas)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="471"/>
        <source>Later in the list trainees see (Alt+Down)</source>
        <translation>Lebih akhir dalam daftar yang dilihat peserta (Alt+Bawah)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="472"/>
        <source>Find a stage or choice…</source>
        <translation>Cari tahap atau pilihan…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="473"/>
        <source>Find a stage or choice</source>
        <translation>Cari tahap atau pilihan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="474"/>
        <source>Stages and choices</source>
        <translation>Tahap dan pilihan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="475"/>
        <source>Validation findings</source>
        <translation>Temuan validasi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="476"/>
        <source>Scenario graph</source>
        <translation>Graf skenario</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="492"/>
        <source>unsaved case</source>
        <translation>kasus belum disimpan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="502"/>
        <location filename="../../ui/pages/editor.py" line="694"/>
        <location filename="../../ui/pages/editor.py" line="708"/>
        <location filename="../../ui/pages/editor.py" line="713"/>
        <location filename="../../ui/pages/editor.py" line="718"/>
        <location filename="../../ui/pages/editor.py" line="725"/>
        <location filename="../../ui/pages/editor.py" line="774"/>
        <location filename="../../ui/pages/editor.py" line="806"/>
        <location filename="../../ui/pages/editor.py" line="813"/>
        <location filename="../../ui/pages/editor.py" line="821"/>
        <location filename="../../ui/pages/editor.py" line="847"/>
        <location filename="../../ui/pages/editor.py" line="887"/>
        <location filename="../../ui/pages/editor.py" line="1024"/>
        <location filename="../../ui/pages/editor.py" line="1096"/>
        <source>Scenario editor</source>
        <translation>Penyunting skenario</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="578"/>
        <source>No findings: the case is ready to publish.</source>
        <translation>Tidak ada temuan: kasus siap diterbitkan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="586"/>
        <source>Competencies of this case:
{list}</source>
        <translation>Kompetensi dalam kasus ini:
{list}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="587"/>
        <source>none yet (declare them under Case details)</source>
        <translation>belum ada (nyatakan di Rincian kasus)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="589"/>
        <source>Variables of this case: {list}</source>
        <translation>Variabel dalam kasus ini: {list}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="590"/>
        <source>none yet (add them under Case file)</source>
        <translation>belum ada (tambahkan di Berkas kasus)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="591"/>
        <source>Exhibits of this case: {list}</source>
        <translation>Barang bukti dalam kasus ini: {list}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="593"/>
        <source>Choose the case&apos;s referral pathway under Case details first.</source>
        <translation>Pilih dulu jalur rujukan kasus di Rincian kasus.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="595"/>
        <source>A node of the pathway {id}; start typing to see them.</source>
        <translation>Simpul jalur {id}; mulai mengetik untuk melihat pilihannya.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="694"/>
        <source>An end stage has no choices: delete its choices first.</source>
        <translation>Tahap akhir tidak memiliki pilihan: hapus dulu pilihannya.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="696"/>
        <source>Change stage {id}</source>
        <translation>Ubah tahap {id}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="708"/>
        <source>Scores: {detail}</source>
        <translation>Skor: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="713"/>
        <source>Sets variables: {detail}</source>
        <translation>Menetapkan variabel: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="718"/>
        <source>Adds to variables: {detail}</source>
        <translation>Menambah variabel: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="725"/>
        <source>Hours: write a number, such as 1.5</source>
        <translation>Jam: tulis sebuah angka, misalnya 1.5</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="743"/>
        <source>Change choice {n} of {id}</source>
        <translation>Ubah pilihan {n} pada {id}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="771"/>
        <source>the unsaved case</source>
        <translation>kasus yang belum disimpan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="775"/>
        <source>Save the changes to {name}?</source>
        <translation>Simpan perubahan pada {name}?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="797"/>
        <source>Open a scenario</source>
        <translation>Buka skenario</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="797"/>
        <source>Scenario (*.yaml *.yml)</source>
        <translation>Skenario (*.yaml *.yml)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="814"/>
        <source>Changes to {name} that were never saved were kept automatically. Restore them?</source>
        <translation>Perubahan pada {name} yang belum pernah disimpan telah disimpan otomatis. Pulihkan?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="838"/>
        <source>Save the scenario</source>
        <translation>Simpan skenario</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="838"/>
        <source>Scenario (*.yaml)</source>
        <translation>Skenario (*.yaml)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="847"/>
        <source>The scenario cannot be saved: {detail}</source>
        <translation>Skenario tidak dapat disimpan: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="871"/>
        <source>Autosave failed: {detail}</source>
        <translation>Simpan otomatis gagal: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="885"/>
        <source>Published {id} version {version}</source>
        <translation>{id} versi {version} diterbitkan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="892"/>
        <source>Add stage {id}</source>
        <translation>Tambah tahap {id}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="903"/>
        <source>Duplicate {id}</source>
        <translation>Gandakan {id}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="914"/>
        <source>Move choice {n} of {id}</source>
        <translation>Pindahkan pilihan {n} dari {id}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="936"/>
        <source>Add a choice to {id}</source>
        <translation>Tambah pilihan pada {id}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="945"/>
        <source>stage {id} and every choice leading to it</source>
        <translation>tahap {id} dan semua pilihan yang menuju ke sana</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="947"/>
        <source>choice {n} of {id}</source>
        <translation>pilihan {n} pada {id}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="949"/>
        <source>Delete {what}?</source>
        <translation>Hapus {what}?</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="953"/>
        <source>Delete {what}</source>
        <translation>Hapus {what}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="959"/>
        <source>Rename</source>
        <translation>Ganti nama</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="959"/>
        <source>New id for {id}:</source>
        <translation>Id baru untuk {id}:</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="964"/>
        <source>Rename {old} to {new}</source>
        <translation>Ganti nama {old} menjadi {new}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="1012"/>
        <source>Choose a picture or recording</source>
        <translation>Pilih gambar atau rekaman</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="1014"/>
        <source>Pictures and recordings ({patterns})</source>
        <translation>Gambar dan rekaman ({patterns})</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="1032"/>
        <source>Add exhibit {id}</source>
        <translation>Tambah barang bukti {id}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="1039"/>
        <source>Delete exhibit {id}? Stages stop revealing it.</source>
        <translation>Hapus barang bukti {id}? Tahap tidak lagi membukanya.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="1042"/>
        <source>Delete exhibit {id}</source>
        <translation>Hapus barang bukti {id}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="1062"/>
        <source>Change exhibit {id}</source>
        <translation>Ubah barang bukti {id}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="1096"/>
        <source>Variables: {detail}</source>
        <translation>Variabel: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="1112"/>
        <source>Change the case details</source>
        <translation>Ubah rincian kasus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="1129"/>
        <source>The case has errors; fix them before playing it:
{detail}</source>
        <translation>Kasus ini masih memiliki kesalahan; perbaiki sebelum memainkannya:
{detail}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="1157"/>
        <source>Move {id}</source>
        <translation>Pindahkan {id}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="1157"/>
        <source>Move {n} stages</source>
        <translation>Pindahkan {n} tahap</translation>
    </message>
    <message>
        <location filename="../../ui/pages/editor.py" line="1191"/>
        <source>Start at {id}</source>
        <translation>Mulai dari {id}</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <location filename="../../ui/pages/home.py" line="68"/>
        <source>My courses</source>
        <translation>Kursus saya</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home.py" line="70"/>
        <source>Welcome, {name}. Choose a case and press Enter to start or resume it.</source>
        <translation>Selamat datang, {name}. Pilih kasus lalu tekan Enter untuk memulai atau melanjutkannya.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home.py" line="72"/>
        <source>Courses and cases</source>
        <translation>Kursus dan kasus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home.py" line="73"/>
        <source>See the &amp;debrief</source>
        <translation>Lihat &amp;evaluasi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home.py" line="122"/>
        <source>You have no courses yet. Ask your trainer to add you to a cohort.</source>
        <translation>Anda belum memiliki kursus. Mintalah pelatih Anda memasukkan Anda ke sebuah angkatan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home.py" line="126"/>
        <source>Pass every case in the course.</source>
        <translation>Lulus di setiap kasus dalam kursus.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home.py" line="128"/>
        <source>Reach a mean of {mean:g} % over the cases.</source>
        <translation>Capai nilai rata-rata {mean:g} % untuk semua kasus.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home.py" line="136"/>
        <source>Attempts used: {used} of {allowed}.</source>
        <translation>Percobaan terpakai: {used} dari {allowed}.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home.py" line="139"/>
        <source>&amp;Resume</source>
        <translation>&amp;Lanjutkan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home.py" line="142"/>
        <source>&amp;Try again</source>
        <translation>&amp;Coba lagi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/home.py" line="145"/>
        <source>&amp;Start</source>
        <translation>&amp;Mulai</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <location filename="../../ui/main_window.py" line="438"/>
        <source>TIPCase</source>
        <translation>TIPCase</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127"/>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>&amp;My courses</source>
        <translation>&amp;Kursus saya</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>Sign &amp;out</source>
        <translation>Keluar &amp;akun</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="130"/>
        <source>&amp;Quit</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="131"/>
        <source>&amp;Certificates</source>
        <translation>&amp;Sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="132"/>
        <source>&amp;Register</source>
        <translation>&amp;Daftar sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>&amp;Verify a certificate</source>
        <translation>&amp;Verifikasi sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="134"/>
        <source>&amp;Training</source>
        <translation>&amp;Pelatihan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>&amp;Cohorts and analytics</source>
        <translation>&amp;Angkatan dan analitik</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="136"/>
        <source>Scenario &amp;editor</source>
        <translation>&amp;Penyunting skenario</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>&amp;Import a Twine story or H5P scenario…</source>
        <translation>&amp;Impor cerita Twine atau skenario H5P…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="138"/>
        <source>&amp;View</source>
        <translation>T&amp;ampilan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>&amp;About TIPCase</source>
        <translation>&amp;Tentang TIPCase</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142"/>
        <source>Working</source>
        <translation>Sedang bekerja</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="153"/>
        <source>Signed in as {name} ({role})</source>
        <translation>Masuk sebagai {name} ({role})</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="158"/>
        <source>trainee</source>
        <translation>peserta pelatihan</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="159"/>
        <source>trainer</source>
        <translation>pelatih</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="160"/>
        <source>registrar</source>
        <translation>petugas registrasi</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161"/>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>About TIPCase</source>
        <translation>Tentang TIPCase</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="169"/>
        <source>&lt;h3&gt;TIPCase {version}&lt;/h3&gt;&lt;p&gt;Simulated cases of trafficking in persons and gender-based violence on Indonesia&apos;s referral pathways, scored against good practice and the law (UU 21/2007, UU 12/2022, UU 23/2004).&lt;/p&gt;&lt;p&gt;All persons in the cases are fictional.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TIPCase {version}&lt;/h3&gt;&lt;p&gt;Kasus simulasi tindak pidana perdagangan orang dan kekerasan berbasis gender pada jalur rujukan di Indonesia, dinilai berdasarkan praktik baik dan hukum (UU 21/2007, UU 12/2022, UU 23/2004).&lt;/p&gt;&lt;p&gt;Semua tokoh dalam kasus adalah fiktif.&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="211"/>
        <source>The records database cannot be opened: {detail}</source>
        <translation>Basis data catatan tidak dapat dibuka: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="214"/>
        <source>Records unavailable</source>
        <translation>Catatan tidak tersedia</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="244"/>
        <source>This account is locked after five failed sign-ins. Try again in 15 minutes, or ask an administrator.</source>
        <translation>Akun ini terkunci setelah lima kali gagal masuk. Coba lagi dalam 15 menit, atau hubungi administrator.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="246"/>
        <source>Wrong username or password.</source>
        <translation>Nama pengguna atau kata sandi salah.</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="248"/>
        <source>Signing in failed: {detail}</source>
        <translation>Gagal masuk: {detail}</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="346"/>
        <source>Import a Twine story or an H5P scenario</source>
        <translation>Impor cerita Twine atau skenario H5P</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="349"/>
        <source>Twine and H5P (*.twee *.tw *.txt *.html *.htm *.h5p *.json);;Twine stories (*.twee *.tw *.txt *.html *.htm);;H5P Branching Scenario (*.h5p *.json);;All files (*)</source>
        <translation>Twine dan H5P (*.twee *.tw *.txt *.html *.htm *.h5p *.json);;Cerita Twine (*.twee *.tw *.txt *.html *.htm);;H5P Branching Scenario (*.h5p *.json);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="378"/>
        <source>Saved {path}</source>
        <translation>Tersimpan: {path}</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <location filename="../../ui/pages/player.py" line="170"/>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="171"/>
        <source>What do you do? (keys 1-9)</source>
        <translation>Apa yang Anda lakukan? (tombol 1-9)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="172"/>
        <source>Choices</source>
        <translation>Pilihan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="173"/>
        <source>Case file</source>
        <translation>Berkas perkara</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="174"/>
        <source>Exhibit</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="175"/>
        <source>Your trail on the referral pathway</source>
        <translation>Jejak Anda di jalur rujukan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="176"/>
        <source>Case &amp;file</source>
        <translation>&amp;Berkas perkara</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="177"/>
        <source>&amp;Pathway</source>
        <translation>&amp;Jalur rujukan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="178"/>
        <source>&amp;Continue to the case</source>
        <translation>&amp;Lanjut ke kasus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="179"/>
        <source>&amp;Back to my courses</source>
        <translation>&amp;Kembali ke kursus saya</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="180"/>
        <source>C&amp;ontinue</source>
        <translation>Lan&amp;jutkan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="181"/>
        <source>See the &amp;debrief</source>
        <translation>Lihat &amp;evaluasi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="212"/>
        <source>Case clock: {hours} h</source>
        <translation>Waktu kasus: {hours} jam</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="218"/>
        <source>Content warning</source>
        <translation>Peringatan konten</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="258"/>
        <source>&lt;i&gt;Nothing in the case file yet.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Berkas perkara masih kosong.&lt;/i&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="275"/>
        <source>A sound recording; its transcript follows.</source>
        <translation>Rekaman suara; transkripnya berikut ini.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/player.py" line="333"/>
        <source>Feedback</source>
        <translation>Umpan balik</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <location filename="../../ui/pages/register.py" line="88"/>
        <location filename="../../ui/pages/register.py" line="110"/>
        <source>Certificate register</source>
        <translation>Daftar sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="89"/>
        <source>Search by serial, code, name or staff ID</source>
        <translation>Cari berdasarkan nomor seri, kode, nama atau NRP/NIP</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="90"/>
        <source>Search the register</source>
        <translation>Cari di daftar sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="91"/>
        <source>Certificates</source>
        <translation>Sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="92"/>
        <source>&amp;Issue for a cohort…</source>
        <translation>&amp;Terbitkan untuk angkatan…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="93"/>
        <source>&amp;Revoke…</source>
        <translation>&amp;Cabut…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="94"/>
        <source>Pre&amp;view</source>
        <translation>Pra&amp;tinjau</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="95"/>
        <source>&amp;Print…</source>
        <translation>&amp;Cetak…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="96"/>
        <source>Save as P&amp;DF…</source>
        <translation>Simpan sebagai P&amp;DF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="97"/>
        <source>Save as &amp;ZIP…</source>
        <translation>Simpan sebagai &amp;ZIP…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="98"/>
        <source>&amp;Export the register…</source>
        <translation>&amp;Ekspor daftar…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="144"/>
        <source>Issue certificates</source>
        <translation>Terbitkan sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="144"/>
        <source>Cohort</source>
        <translation>Angkatan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="144"/>
        <source>Course</source>
        <translation>Kursus</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/register.py" line="156"/>
        <source>%n certificate(s) issued</source>
        <translation>
            <numerusform>%n sertifikat diterbitkan</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="165"/>
        <source>Revoke</source>
        <translation>Cabut</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="165"/>
        <source>Select one valid certificate to revoke.</source>
        <translation>Pilih satu sertifikat yang masih berlaku untuk dicabut.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="169"/>
        <source>Revoke {serial}</source>
        <translation>Cabut {serial}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="169"/>
        <source>Reason (recorded and shown to verifiers):</source>
        <translation>Alasan (dicatat dan ditampilkan kepada pemeriksa):</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="187"/>
        <source>Preparing {count} certificate(s)…</source>
        <translation>Menyiapkan {count} sertifikat…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="187"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="197"/>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="216"/>
        <source>ZIP archive (*.zip)</source>
        <translation>Arsip ZIP (*.zip)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="216"/>
        <source>PDF document (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="218"/>
        <source>Save certificates</source>
        <translation>Simpan sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="235"/>
        <location filename="../../ui/pages/register.py" line="241"/>
        <source>Certificate preview</source>
        <translation>Pratinjau sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="267"/>
        <location filename="../../ui/pages/register.py" line="270"/>
        <source>Export the register</source>
        <translation>Ekspor daftar sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="267"/>
        <source>Issued from</source>
        <translation>Diterbitkan dari</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="267"/>
        <source>Issued to</source>
        <translation>Diterbitkan sampai</translation>
    </message>
    <message>
        <location filename="../../ui/pages/register.py" line="270"/>
        <source>Excel workbook (*.xlsx);;CSV (*.csv);;PDF document (*.pdf)</source>
        <translation>Buku kerja Excel (*.xlsx);;CSV (*.csv);;Dokumen PDF (*.pdf)</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/register.py" line="277"/>
        <source>%n certificate(s) exported</source>
        <translation>
            <numerusform>%n sertifikat diekspor</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>RegisterTableModel</name>
    <message>
        <location filename="../../ui/models/register.py" line="39"/>
        <source>Serial</source>
        <translation>Nomor seri</translation>
    </message>
    <message>
        <location filename="../../ui/models/register.py" line="40"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../ui/models/register.py" line="41"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/models/register.py" line="42"/>
        <source>Staff ID</source>
        <translation>NRP/NIP</translation>
    </message>
    <message>
        <location filename="../../ui/models/register.py" line="43"/>
        <source>Course</source>
        <translation>Kursus</translation>
    </message>
    <message>
        <location filename="../../ui/models/register.py" line="44"/>
        <source>Issued</source>
        <translation>Diterbitkan</translation>
    </message>
    <message>
        <location filename="../../ui/models/register.py" line="45"/>
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
    <message>
        <location filename="../../ui/models/register.py" line="46"/>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../ui/models/register.py" line="57"/>
        <source>Valid</source>
        <translation>Berlaku</translation>
    </message>
    <message>
        <location filename="../../ui/models/register.py" line="57"/>
        <source>Expired</source>
        <translation>Kedaluwarsa</translation>
    </message>
    <message>
        <location filename="../../ui/models/register.py" line="57"/>
        <source>Revoked</source>
        <translation>Dicabut</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <location filename="../../ui/pages/roster_dialog.py" line="15"/>
        <source>Import a roster into {cohort}</source>
        <translation>Impor daftar peserta ke {cohort}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster_dialog.py" line="16"/>
        <source>Line</source>
        <translation>Baris</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster_dialog.py" line="16"/>
        <source>Staff ID</source>
        <translation>NRP/NIP</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster_dialog.py" line="16"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster_dialog.py" line="16"/>
        <source>What happens</source>
        <translation>Yang akan terjadi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster_dialog.py" line="24"/>
        <source>Roster rows</source>
        <translation>Baris daftar peserta</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster_dialog.py" line="26"/>
        <source>{good} row(s) ready to import; {bad} row(s) with errors will be skipped.</source>
        <translation>{good} baris siap diimpor; {bad} baris bermasalah akan dilewati.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster_dialog.py" line="27"/>
        <source>Nothing is imported until you press Import.</source>
        <translation>Tidak ada yang diimpor sampai Anda menekan Impor.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/roster_dialog.py" line="31"/>
        <source>&amp;Import %n row(s)</source>
        <translation>
            <numerusform>&amp;Impor %n baris</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster_dialog.py" line="45"/>
        <source>add the existing account {username}</source>
        <translation>tambahkan akun yang sudah ada {username}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/roster_dialog.py" line="46"/>
        <source>create the trainee account {username}</source>
        <translation>buat akun peserta {username}</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../ui/pages/sign_in.py" line="69"/>
        <source>Training for handling trafficking and sexual-violence cases</source>
        <translation>Pelatihan penanganan perkara perdagangan orang dan kekerasan seksual</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sign_in.py" line="71"/>
        <source>Sign in with the account your training centre gave you.</source>
        <translation>Masuk dengan akun yang diberikan pusat pelatihan Anda.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sign_in.py" line="73"/>
        <source>&amp;Username</source>
        <translation>&amp;Nama pengguna</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sign_in.py" line="74"/>
        <source>&amp;Password</source>
        <translation>&amp;Kata sandi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sign_in.py" line="75"/>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sign_in.py" line="81"/>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sign_in.py" line="82"/>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sign_in.py" line="83"/>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sign_in.py" line="84"/>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sign_in.py" line="86"/>
        <source>Opening the records…</source>
        <translation>Membuka catatan…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sign_in.py" line="88"/>
        <source>TIPCase {version}</source>
        <translation>TIPCase {version}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sign_in.py" line="123"/>
        <source>Type your username and password.</source>
        <translation>Ketik nama pengguna dan kata sandi Anda.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/sign_in.py" line="126"/>
        <source>Signing in…</source>
        <translation>Sedang masuk…</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <location filename="../../ui/models/courses.py" line="20"/>
        <source>Not started</source>
        <translation>Belum dimulai</translation>
    </message>
    <message>
        <location filename="../../ui/models/courses.py" line="21"/>
        <source>In progress</source>
        <translation>Sedang berjalan</translation>
    </message>
    <message>
        <location filename="../../ui/models/courses.py" line="22"/>
        <source>Passed</source>
        <translation>Lulus</translation>
    </message>
    <message>
        <location filename="../../ui/models/courses.py" line="23"/>
        <source>Not passed</source>
        <translation>Tidak lulus</translation>
    </message>
</context>
<context>
    <name>TestPlayDialog</name>
    <message>
        <location filename="../../ui/pages/test_play.py" line="32"/>
        <source>Play from {id}</source>
        <translation>Mainkan dari {id}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/test_play.py" line="38"/>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <location filename="../../ui/pages/test_play.py" line="45"/>
        <source>&amp;Back one choice</source>
        <translation>&amp;Mundur satu pilihan</translation>
    </message>
    <message>
        <location filename="../../ui/pages/test_play.py" line="47"/>
        <source>&amp;Start again from {id}</source>
        <translation>&amp;Ulangi dari {id}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/test_play.py" line="72"/>
        <source>Reached by the shortest route from the start ({n} choices), so the variables and score are a trainee&apos;s.</source>
        <translation>Dicapai lewat rute terpendek dari awal ({n} pilihan), sehingga variabel dan skornya sama dengan milik peserta.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/test_play.py" line="77"/>
        <source>This stage cannot be reached from the start: it is played with the case&apos;s starting variables.</source>
        <translation>Tahap ini tidak dapat dicapai dari awal: tahap dimainkan dengan nilai awal variabel kasus.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/test_play.py" line="88"/>
        <source>success</source>
        <translation>berhasil</translation>
    </message>
    <message>
        <location filename="../../ui/pages/test_play.py" line="88"/>
        <source>partial</source>
        <translation>sebagian</translation>
    </message>
    <message>
        <location filename="../../ui/pages/test_play.py" line="88"/>
        <source>failure</source>
        <translation>gagal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/test_play.py" line="91"/>
        <source>passed</source>
        <translation>lulus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/test_play.py" line="91"/>
        <source>not passed</source>
        <translation>tidak lulus</translation>
    </message>
    <message>
        <location filename="../../ui/pages/test_play.py" line="94"/>
        <source>The case ends here: {outcome}. Score {percent}% ({verdict}).</source>
        <translation>Kasus berakhir di sini: {outcome}. Skor {percent}% ({verdict}).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/test_play.py" line="117"/>
        <source>No choice is offered here: the case is stuck (a dead end).</source>
        <translation>Tidak ada pilihan yang ditawarkan di sini: kasus macet (jalan buntu).</translation>
    </message>
    <message>
        <location filename="../../ui/pages/test_play.py" line="121"/>
        <source>Variables: {variables}. Case clock: {hours} h. Case file: {exhibits}.</source>
        <translation>Variabel: {variables}. Jam kasus: {hours} jam. Berkas kasus: {exhibits}.</translation>
    </message>
</context>
<context>
    <name>TwineImportDialog</name>
    <message>
        <location filename="../../ui/pages/twine_import.py" line="23"/>
        <source>Imported from {name}</source>
        <translation>Diimpor dari {name}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/twine_import.py" line="25"/>
        <source>{items} H5P item(s) became {stages} stage(s) and {choices} choice(s).</source>
        <translation>{items} item H5P menjadi {stages} tahap dan {choices} pilihan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/twine_import.py" line="27"/>
        <source>{passages} passage(s) became {stages} stage(s) and {choices} choice(s).</source>
        <translation>{passages} bagian menjadi {stages} tahap dan {choices} pilihan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/twine_import.py" line="30"/>
        <source>The validator still finds {count} error(s): {first}</source>
        <translation>Validator masih menemukan {count} kesalahan: {first}</translation>
    </message>
    <message>
        <location filename="../../ui/pages/twine_import.py" line="32"/>
        <source>The case validates with no error.</source>
        <translation>Kasus ini lolos validasi tanpa kesalahan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/twine_import.py" line="34"/>
        <source>Save it, then add scores, feedback, the pathway and the second language before publishing.</source>
        <translation>Simpan, lalu tambahkan skor, umpan balik, jalur rujukan, dan bahasa kedua sebelum diterbitkan.</translation>
    </message>
    <message numerus="yes">
        <location filename="../../ui/pages/twine_import.py" line="37"/>
        <source>%n warning(s): what was changed or left out</source>
        <translation>
            <numerusform>%n peringatan: apa yang diubah atau ditinggalkan</numerusform>
        </translation>
    </message>
    <message>
        <location filename="../../ui/pages/twine_import.py" line="41"/>
        <source>Nothing was left out.</source>
        <translation>Tidak ada yang ditinggalkan.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/twine_import.py" line="42"/>
        <source>Import warnings</source>
        <translation>Peringatan impor</translation>
    </message>
    <message>
        <location filename="../../ui/pages/twine_import.py" line="44"/>
        <source>&amp;Save the scenario…</source>
        <translation>&amp;Simpan skenario…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/twine_import.py" line="58"/>
        <source>Save the scenario</source>
        <translation>Simpan skenario</translation>
    </message>
    <message>
        <location filename="../../ui/pages/twine_import.py" line="58"/>
        <source>Scenario (*.yaml)</source>
        <translation>Skenario (*.yaml)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/twine_import.py" line="68"/>
        <source>The scenario cannot be saved: {detail}</source>
        <translation>Skenario tidak dapat disimpan: {detail}</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <location filename="../../ui/pages/verify.py" line="47"/>
        <source>Verify a certificate</source>
        <translation>Verifikasi sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/pages/verify.py" line="49"/>
        <source>Type the verification code printed on the certificate, paste the text of its QR code, or open its PDF.</source>
        <translation>Ketik kode verifikasi yang tercetak pada sertifikat, tempel teks kode QR-nya, atau buka berkas PDF-nya.</translation>
    </message>
    <message>
        <location filename="../../ui/pages/verify.py" line="51"/>
        <location filename="../../ui/pages/verify.py" line="52"/>
        <source>Verification code or QR text</source>
        <translation>Kode verifikasi atau teks QR</translation>
    </message>
    <message>
        <location filename="../../ui/pages/verify.py" line="53"/>
        <source>&amp;Verify</source>
        <translation>&amp;Verifikasi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/verify.py" line="54"/>
        <source>&amp;Open PDF…</source>
        <translation>&amp;Buka PDF…</translation>
    </message>
    <message>
        <location filename="../../ui/pages/verify.py" line="55"/>
        <source>Verification result</source>
        <translation>Hasil verifikasi</translation>
    </message>
    <message>
        <location filename="../../ui/pages/verify.py" line="67"/>
        <source>Open a certificate</source>
        <translation>Buka sertifikat</translation>
    </message>
    <message>
        <location filename="../../ui/pages/verify.py" line="67"/>
        <source>PDF document (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <location filename="../../ui/pages/verify.py" line="84"/>
        <source>Valid</source>
        <translation>Berlaku</translation>
    </message>
    <message>
        <location filename="../../ui/pages/verify.py" line="85"/>
        <source>Revoked</source>
        <translation>Dicabut</translation>
    </message>
    <message>
        <location filename="../../ui/pages/verify.py" line="86"/>
        <source>Expired</source>
        <translation>Kedaluwarsa</translation>
    </message>
    <message>
        <location filename="../../ui/pages/verify.py" line="87"/>
        <source>Unknown code</source>
        <translation>Kode tidak dikenal</translation>
    </message>
    <message>
        <location filename="../../ui/pages/verify.py" line="88"/>
        <source>Forged or altered</source>
        <translation>Palsu atau diubah</translation>
    </message>
</context>
</TS>
