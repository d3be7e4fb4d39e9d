<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AccountRoles</name>
    <message>
        <source>Trainee</source>
        <translation>Peserta pelatihan</translation>
    </message>
    <message>
        <source>Trainer</source>
        <translation>Pelatih</translation>
    </message>
    <message>
        <source>Registrar</source>
        <translation>Petugas registrasi</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Nama lengkap</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>NRP/NIP</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Pangkat</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Satuan</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <source>Search by username, name or staff ID</source>
        <translation>Cari menurut nama pengguna, nama, atau NRP/NIP</translation>
    </message>
    <message>
        <source>Search the accounts</source>
        <translation>Cari akun</translation>
    </message>
    <message>
        <source>&amp;New account…</source>
        <translation>Akun ba&amp;ru…</translation>
    </message>
    <message>
        <source>Ed&amp;it…</source>
        <translation>&amp;Ubah data…</translation>
    </message>
    <message>
        <source>Correct the name, rank, staff ID, unit or agency</source>
        <translation>Perbaiki nama, pangkat, NRP/NIP, satuan, atau instansi</translation>
    </message>
    <message>
        <source>Reset the pass&amp;word…</source>
        <translation>Atur ulang &amp;kata sandi…</translation>
    </message>
    <message>
        <source>Change the r&amp;ole…</source>
        <translation>Ubah p&amp;eran…</translation>
    </message>
    <message>
        <source>deactivated</source>
        <translation>dinonaktifkan</translation>
    </message>
    <message>
        <source>locked after failed sign-ins</source>
        <translation>terkunci setelah gagal masuk</translation>
    </message>
    <message>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <source>R&amp;eactivate</source>
        <translation>Aktifkan ke&amp;mbali</translation>
    </message>
    <message>
        <source>&amp;Deactivate…</source>
        <translation>Nonak&amp;tifkan…</translation>
    </message>
    <message>
        <source>Account {username} created.</source>
        <translation>Akun {username} dibuat.</translation>
    </message>
    <message>
        <source>The account {username} is corrected.</source>
        <translation>Akun {username} sudah diperbaiki.</translation>
    </message>
    <message>
        <source>Reset the password</source>
        <translation>Atur ulang kata sandi</translation>
    </message>
    <message>
        <source>Give {name} ({username}) a new password? The old one stops working at once.</source>
        <translation>Beri {name} ({username}) kata sandi baru? Kata sandi lama langsung tidak berlaku.</translation>
    </message>
    <message>
        <source>The password of {username} was reset.</source>
        <translation>Kata sandi {username} telah diatur ulang.</translation>
    </message>
    <message>
        <source>Change the role</source>
        <translation>Ubah peran</translation>
    </message>
    <message>
        <source>Role of {name} ({username}):</source>
        <translation>Peran {name} ({username}):</translation>
    </message>
    <message>
        <source>{username} is now: {role}.</source>
        <translation>{username} sekarang: {role}.</translation>
    </message>
    <message>
        <source>Deactivate the account</source>
        <translation>Nonaktifkan akun</translation>
    </message>
    <message>
        <source>Deactivate {name} ({username})? They can no longer sign in; their attempts and certificates are kept.</source>
        <translation>Nonaktifkan {name} ({username})? Akun ini tidak dapat masuk lagi; percobaan dan sertifikatnya tetap disimpan.</translation>
    </message>
    <message>
        <source>{username} is deactivated.</source>
        <translation>{username} dinonaktifkan.</translation>
    </message>
    <message>
        <source>{username} can sign in again.</source>
        <translation>{username} dapat masuk lagi.</translation>
    </message>
</context>
<context>
    <name>AdministrationMenu</name>
    <message>
        <source>&amp;Administration</source>
        <translation>A&amp;dministrasi</translation>
    </message>
    <message>
        <source>&amp;Accounts</source>
        <translation>&amp;Akun</translation>
    </message>
    <message>
        <source>&amp;Issuing institution…</source>
        <translation>&amp;Lembaga penerbit…</translation>
    </message>
    <message>
        <source>Change my &amp;password…</source>
        <translation>Ubah &amp;kata sandi saya…</translation>
    </message>
    <message>
        <source>Issuing institution</source>
        <translation>Lembaga penerbit</translation>
    </message>
    <message>
        <source>The issuing institution is saved.</source>
        <translation>Lembaga penerbit sudah disimpan.</translation>
    </message>
    <message>
        <source>Your password is changed.</source>
        <translation>Kata sandi Anda telah diubah.</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>Kata sandi saat ini salah.</translation>
    </message>
</context>
<context>
    <name>ArchiveButton</name>
    <message>
        <source>Unarc&amp;hive</source>
        <translation>Keluarkan dari &amp;arsip</translation>
    </message>
    <message>
        <source>Arc&amp;hive</source>
        <translation>&amp;Arsipkan</translation>
    </message>
    <message>
        <source>Choose a session first.</source>
        <translation>Pilih sesi terlebih dahulu.</translation>
    </message>
    <message>
        <source>Only the trainer who created this session, or an administrator, may archive it.</source>
        <translation>Hanya pelatih yang membuat sesi ini, atau administrator, yang boleh mengarsipkannya.</translation>
    </message>
    <message>
        <source>Only an ended session can be archived.</source>
        <translation>Hanya sesi yang sudah berakhir yang dapat diarsipkan.</translation>
    </message>
    <message>
        <source>List this session again with the others.</source>
        <translation>Cantumkan lagi sesi ini bersama sesi lainnya.</translation>
    </message>
    <message>
        <source>Put this ended session away from the sessions list: its log, scores and after-action report stay whole and readable, and Show archived lists it again.</source>
        <translation>Singkirkan sesi yang sudah berakhir ini dari daftar sesi: log, nilai, dan laporan evaluasi pasca-latihannya tetap utuh dan dapat dibaca, dan centang “Tampilkan yang diarsipkan” untuk melihatnya lagi.</translation>
    </message>
</context>
<context>
    <name>CaseFileForm</name>
    <message>
        <source>Add exhibit {id}</source>
        <translation>Tambah barang bukti {id}</translation>
    </message>
    <message>
        <source>Delete exhibit {id}? Stages stop revealing it.</source>
        <translation>Hapus barang bukti {id}? Tahap tidak lagi membukanya.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Delete exhibit {id}</source>
        <translation>Hapus barang bukti {id}</translation>
    </message>
    <message>
        <source>Choose a picture or recording</source>
        <translation>Pilih gambar atau rekaman</translation>
    </message>
    <message>
        <source>Pictures and recordings ({patterns})</source>
        <translation>Gambar dan rekaman ({patterns})</translation>
    </message>
    <message>
        <source>Add an exhibit</source>
        <translation>Tambah barang bukti</translation>
    </message>
    <message>
        <source>Delete the exhibit</source>
        <translation>Hapus barang bukti</translation>
    </message>
    <message>
        <source>Exhibits in the case file</source>
        <translation>Barang bukti dalam berkas kasus</translation>
    </message>
</context>
<context>
    <name>CaseForm</name>
    <message>
        <source>Change the case details</source>
        <translation>Ubah rincian kasus</translation>
    </message>
    <message>
        <source>The case&apos;s competencies are below. The exhibits have a form of their own: Case file.</source>
        <translation>Kompetensi kasus ada di bawah. Barang bukti punya formulir sendiri: Berkas kasus.</translation>
    </message>
    <message>
        <source>Apply to the case</source>
        <translation>Terapkan ke kasus</translation>
    </message>
</context>
<context>
    <name>CertificateActions</name>
    <message>
        <source>&amp;Save the certificate as PDF…</source>
        <translation>Simpan sertifikat sebagai PD&amp;F…</translation>
    </message>
    <message>
        <source>&amp;Print the certificate…</source>
        <translation>&amp;Cetak sertifikat…</translation>
    </message>
    <message>
        <source>You completed this course. Its certificate is issued by your training centre&apos;s registrar; it will show here once issued.</source>
        <translation>Anda telah menyelesaikan kursus ini. Sertifikatnya diterbitkan oleh petugas registrasi pusat pelatihan Anda dan akan tampil di sini setelah terbit.</translation>
    </message>
    <message>
        <source>Your certificate {serial} for this course was revoked. Ask your training centre&apos;s registrar why.</source>
        <translation>Sertifikat Anda {serial} untuk kursus ini telah dicabut. Tanyakan alasannya kepada petugas registrasi pusat pelatihan Anda.</translation>
    </message>
    <message>
        <source>Your certificate {serial} for this course expired on {date}.</source>
        <translation>Sertifikat Anda {serial} untuk kursus ini telah kedaluwarsa pada {date}.</translation>
    </message>
    <message>
        <source>valid until {date}</source>
        <translation>berlaku sampai {date}</translation>
    </message>
    <message>
        <source>valid with no expiry date</source>
        <translation>berlaku tanpa batas waktu</translation>
    </message>
    <message>
        <source>Your certificate {serial} for this course was issued on {date}, {until}. Verification code: {code}.</source>
        <translation>Sertifikat Anda {serial} untuk kursus ini diterbitkan pada {date}, {until}. Kode verifikasi: {code}.</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>Sertifikat</translation>
    </message>
    <message>
        <source>Save the certificate</source>
        <translation>Simpan sertifikat</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Tersimpan: {path}</translation>
    </message>
    <message>
        <source>Saved {path}: the signed PDF itself, which verifies as genuine.</source>
        <translation>{path} disimpan: PDF bertanda tangan itu sendiri, yang terverifikasi asli.</translation>
    </message>
    <message>
        <source>The certificate was sent to the printer.</source>
        <translation>Sertifikat telah dikirim ke pencetak.</translation>
    </message>
</context>
<context>
    <name>CertificatePrintWindow</name>
    <message numerus="yes">
        <source>Print %n certificate(s)</source>
        <translation>
            <numerusform>Cetak %n sertifikat</numerusform>
        </translation>
    </message>
    <message>
        <source>Certificate preview</source>
        <translation>Pratinjau sertifikat</translation>
    </message>
    <message>
        <source>A printed certificate is a paper copy: whoever holds it verifies it by its verification code or QR code. A file that verifies as genuine by itself is the certificate&apos;s PDF: save the PDF to send it.</source>
        <translation>Sertifikat yang dicetak adalah salinan kertas: siapa pun yang memegangnya memverifikasinya dengan kode verifikasi atau kode QR-nya. Berkas yang dengan sendirinya terverifikasi asli adalah PDF sertifikat: simpan PDF-nya untuk mengirimkannya.</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Ceta&amp;k…</translation>
    </message>
    <message>
        <source>&amp;Save the PDF…</source>
        <translation>&amp;Simpan PDF-nya…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Save the PDF</source>
        <translation>Simpan PDF-nya</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>CertificateStatement</name>
    <message>
        <source>What the certificate will state</source>
        <translation>Isi sertifikat yang akan diterbitkan</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Change my password</source>
        <translation>Ubah kata sandi saya</translation>
    </message>
    <message>
        <source>&amp;Current password:</source>
        <translation>Kata sandi &amp;saat ini:</translation>
    </message>
    <message>
        <source>&amp;New password:</source>
        <translation>Kata sandi &amp;baru:</translation>
    </message>
    <message>
        <source>&amp;Repeat the new password:</source>
        <translation>&amp;Ulangi kata sandi baru:</translation>
    </message>
    <message>
        <source>C&amp;hange the password</source>
        <translation>U&amp;bah kata sandi</translation>
    </message>
    <message>
        <source>The new password needs at least {count} characters.</source>
        <translation>Kata sandi baru harus terdiri atas paling sedikit {count} karakter.</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>Kedua kata sandi baru tidak sama.</translation>
    </message>
</context>
<context>
    <name>ChoiceForm</name>
    <message>
        <source>Change choice {n} of {id}</source>
        <translation>Ubah pilihan {n} pada {id}</translation>
    </message>
    <message>
        <source>Apply to the choice</source>
        <translation>Terapkan pada pilihan</translation>
    </message>
</context>
<context>
    <name>CohortsPage</name>
    <message>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Poor choices</source>
        <translation>Pilihan buruk</translation>
    </message>
    <message>
        <source>Poor share (%)</source>
        <translation>Porsi buruk (%)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Pilihan</translation>
    </message>
    <message>
        <source>Taken</source>
        <translation>Dipilih</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>Porsi (%)</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Label</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Apa</translation>
    </message>
    <message>
        <source>Cohorts and analytics</source>
        <translation>Angkatan dan analitik</translation>
    </message>
    <message>
        <source>C&amp;ohort</source>
        <translation>Angka&amp;tan</translation>
    </message>
    <message>
        <source>Co&amp;urse</source>
        <translation>Kurs&amp;us</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>Skenar&amp;io</translation>
    </message>
    <message>
        <source>&amp;New cohort…</source>
        <translation>Angkatan ba&amp;ru…</translation>
    </message>
    <message>
        <source>Import a &amp;roster…</source>
        <translation>I&amp;mpor daftar peserta…</translation>
    </message>
    <message>
        <source>Ass&amp;ign a course…</source>
        <translation>T&amp;etapkan kursus…</translation>
    </message>
    <message>
        <source>&amp;Export the report…</source>
        <translation>Ekspor &amp;laporan…</translation>
    </message>
    <message>
        <source>Hardest stages</source>
        <translation>Tahap tersulit</translation>
    </message>
    <message>
        <source>Every choice</source>
        <translation>Semua pilihan</translation>
    </message>
    <message>
        <source>Critical errors and broken rules</source>
        <translation>Kesalahan kritis dan aturan yang dilanggar</translation>
    </message>
    <message>
        <source>On the case graph</source>
        <translation>Pada graf kasus</translation>
    </message>
    <message>
        <source>Progress over time</source>
        <translation>Kemajuan harian</translation>
    </message>
    <message>
        <source>The case graph, each choice drawn as wide as the share of trainees who took it</source>
        <translation>Graf kasus, setiap pilihan digambar selebar porsi peserta yang memilihnya</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>Angkatan</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n anggota</numerusform>
        </translation>
    </message>
    <message>
        <source>No cohort yet: create one, import its roster, and assign it a course.</source>
        <translation>Belum ada angkatan: buat angkatan, impor daftar pesertanya, lalu tetapkan kursusnya.</translation>
    </message>
    <message>
        <source>This cohort has no course yet.</source>
        <translation>Angkatan ini belum memiliki kursus.</translation>
    </message>
    <message>
        <source>&lt;b&gt;{started}&lt;/b&gt; started, &lt;b&gt;{completed}&lt;/b&gt; completed ({completion}), &lt;b&gt;{passed}&lt;/b&gt; passed ({pass_rate}). Mean result of finished attempts: &lt;b&gt;{mean}&lt;/b&gt;.</source>
        <translation>&lt;b&gt;{started}&lt;/b&gt; memulai, &lt;b&gt;{completed}&lt;/b&gt; selesai ({completion}), &lt;b&gt;{passed}&lt;/b&gt; lulus ({pass_rate}). Rata-rata hasil percobaan yang selesai: &lt;b&gt;{mean}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Rosters (*.xlsx *.csv *.txt *.tsv);;Excel workbook (*.xlsx);;CSV or text (*.csv *.txt *.tsv)</source>
        <translation>Daftar peserta (*.xlsx *.csv *.txt *.tsv);;Buku kerja Excel (*.xlsx);;CSV atau teks (*.csv *.txt *.tsv)</translation>
    </message>
    <message>
        <source>Mean percent per competency</source>
        <translation>Rata-rata persen per kompetensi</translation>
    </message>
    <message>
        <source>Ne&amp;w course…</source>
        <translation>&amp;Kursus baru…</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n&lt;/b&gt; member(s)</source>
        <translation>
            <numerusform>&lt;b&gt;%n&lt;/b&gt; anggota</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;{started}&lt;/b&gt; started; nobody has finished yet, so there is no result to show.</source>
        <translation>&lt;b&gt;{started}&lt;/b&gt; mulai; belum ada yang selesai, jadi belum ada hasil untuk ditampilkan.</translation>
    </message>
    <message>
        <source>Critical error</source>
        <translation>Kesalahan kritis</translation>
    </message>
    <message>
        <source>Broken rule</source>
        <translation>Aturan dilanggar</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Lulus</translation>
    </message>
    <message>
        <source>Members who completed and passed, by day</source>
        <translation>Anggota yang selesai dan lulus, per hari</translation>
    </message>
    <message>
        <source>{share} chose: {choice}</source>
        <translation>{share} memilih: {choice}</translation>
    </message>
    <message>
        <source>Decisions here: {n}.</source>
        <translation>Keputusan di sini: {n}.</translation>
    </message>
    <message>
        <source>New cohort</source>
        <translation>Angkatan baru</translation>
    </message>
    <message>
        <source>NTT investigators, 2026 intake</source>
        <translation>Penyidik NTT, angkatan 2026</translation>
    </message>
    <message>
        <source>Short name (a-z, 0-9, -):</source>
        <translation>Nama singkat (a-z, 0-9, -):</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Judul:</translation>
    </message>
    <message>
        <source>Course {code} created</source>
        <translation>Kursus {code} dibuat</translation>
    </message>
    <message>
        <source>Assign a course to {cohort}</source>
        <translation>Tetapkan kursus untuk {cohort}</translation>
    </message>
    <message>
        <source>Course:</source>
        <translation>Kursus:</translation>
    </message>
    <message>
        <source>Import a roster</source>
        <translation>Impor daftar peserta</translation>
    </message>
    <message>
        <source>Creating the new accounts…</source>
        <translation>Membuat akun-akun baru…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Roster import cancelled: nothing was imported</source>
        <translation>Impor daftar peserta dibatalkan: tidak ada yang diimpor</translation>
    </message>
    <message>
        <source>Roster imported: {created}, {existing}, {skipped}</source>
        <translation>Daftar peserta diimpor: {created}, {existing}, {skipped}</translation>
    </message>
    <message numerus="yes">
        <source>%n new account(s)</source>
        <translation>
            <numerusform>%n akun baru</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n existing</source>
        <translation>
            <numerusform>%n akun yang sudah ada</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped</source>
        <translation>
            <numerusform>%n dilewati</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n name(s) corrected</source>
        <translation>
            <numerusform>%n nama diperbaiki</numerusform>
        </translation>
    </message>
    <message>
        <source>Roster imported</source>
        <translation>Daftar peserta diimpor</translation>
    </message>
    <message>
        <source>Export the report</source>
        <translation>Ekspor laporan</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv)</source>
        <translation>Buku kerja Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Tersimpan: {path}</translation>
    </message>
</context>
<context>
    <name>CompetenciesForm</name>
    <message>
        <source>Add competency {id}</source>
        <translation>Tambah kompetensi {id}</translation>
    </message>
    <message>
        <source>Remove competency {id}? The case no longer assesses it.</source>
        <translation>Hapus kompetensi {id}? Kasus ini tidak lagi menilainya.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Remove competency {id}</source>
        <translation>Hapus kompetensi {id}</translation>
    </message>
    <message>
        <source>What this case assesses. The choices&apos; scores name each by its id.</source>
        <translation>Yang dinilai oleh kasus ini. Skor setiap pilihan menyebut masing-masing dengan ID-nya.</translation>
    </message>
    <message>
        <source>This case is assessed on the bundled competency framework. A change here makes the framework&apos;s competencies the case&apos;s own, written into its file.</source>
        <translation>Kasus ini dinilai dengan kerangka kompetensi bawaan. Perubahan di sini menjadikan kompetensi kerangka itu milik kasus ini sendiri, dan menuliskannya ke berkasnya.</translation>
    </message>
    <message>
        <source>Competencies</source>
        <translation>Kompetensi</translation>
    </message>
    <message>
        <source>Add a competency</source>
        <translation>Tambah kompetensi</translation>
    </message>
    <message>
        <source>Remove the competency</source>
        <translation>Hapus kompetensi</translation>
    </message>
    <message>
        <source>Competencies of the case</source>
        <translation>Kompetensi kasus</translation>
    </message>
</context>
<context>
    <name>CompetenciesModel</name>
    <message>
        <source>{title} ({id}), weight {weight}</source>
        <translation>{title} ({id}), bobot {weight}</translation>
    </message>
</context>
<context>
    <name>CompetencyForm</name>
    <message>
        <source>Change competency {id}</source>
        <translation>Ubah kompetensi {id}</translation>
    </message>
    <message>
        <source>Apply to the competency</source>
        <translation>Terapkan pada kompetensi</translation>
    </message>
</context>
<context>
    <name>ControlRoom</name>
    <message>
        <source>not signed in yet</source>
        <translation>belum masuk</translation>
    </message>
    <message>
        <source>not signed in (last seen at {time})</source>
        <translation>tidak masuk (terakhir terlihat pukul {time})</translation>
    </message>
    <message>
        <source>at the workstation</source>
        <translation>di komputer perannya</translation>
    </message>
    <message>
        <source>playing at the command line (last heard at {time})</source>
        <translation>bermain lewat baris perintah (terakhir terdengar pukul {time})</translation>
    </message>
    <message>
        <source>at the workstation of another role</source>
        <translation>di komputer peran lain</translation>
    </message>
    <message>
        <source>signed in, not at the workstation yet</source>
        <translation>sudah masuk, belum di komputer perannya</translation>
    </message>
</context>
<context>
    <name>ControlRoomPage</name>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Mulai</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>&amp;Jeda</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>&amp;Lanjutkan</translation>
    </message>
    <message>
        <source>&amp;End</source>
        <translation>A&amp;khiri</translation>
    </message>
    <message>
        <source>Joint &amp;debrief</source>
        <translation>E&amp;valuasi bersama</translation>
    </message>
    <message>
        <source>&amp;Back to the sessions</source>
        <translation>Kembali ke da&amp;ftar sesi</translation>
    </message>
    <message>
        <source>&amp;Injects</source>
        <translation>&amp;Inject</translation>
    </message>
    <message>
        <source>&amp;Message</source>
        <translation>P&amp;esan</translation>
    </message>
    <message>
        <source>Message te&amp;xt (no effect on the case):</source>
        <translation>&amp;Teks pesan (tidak mengubah jalannya kasus):</translation>
    </message>
    <message numerus="yes">
        <source>%n role(s)</source>
        <translation>
            <numerusform>%n peran</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n event(s)</source>
        <translation>
            <numerusform>%n peristiwa</numerusform>
        </translation>
    </message>
    <message>
        <source>T&amp;o:</source>
        <translation>Kepa&amp;da:</translation>
    </message>
    <message>
        <source>The roles on the referral pathway</source>
        <translation>Posisi setiap peran di jalur rujukan</translation>
    </message>
    <message>
        <source>Master &amp;log</source>
        <translation>L&amp;og induk</translation>
    </message>
    <message>
        <source>Trai&amp;nees</source>
        <translation>Pese&amp;rta</translation>
    </message>
    <message>
        <source>Di&amp;recting</source>
        <translation>Mengara&amp;hkan</translation>
    </message>
    <message>
        <source>Path&amp;way</source>
        <translation>Jal&amp;ur</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>Kiri&amp;m</translation>
    </message>
    <message>
        <source>Master log</source>
        <translation>Log induk</translation>
    </message>
    <message>
        <source>Status: {status}</source>
        <translation>Status: {status}</translation>
    </message>
    <message>
        <source>at their workstations: {here} of {assigned} trainees</source>
        <translation>di komputer perannya: {here} dari {assigned} peserta</translation>
    </message>
    <message>
        <source>Every role has reached its end: end the session to open the joint debrief for everyone.</source>
        <translation>Semua peran sudah sampai di akhir: akhiri sesi untuk membuka evaluasi bersama bagi semua.</translation>
    </message>
    <message>
        <source>inbox {count}</source>
        <translation>kotak masuk {count}</translation>
    </message>
    <message>
        <source>Every role</source>
        <translation>Semua peran</translation>
    </message>
    <message>
        <source>{role} (reached its end)</source>
        <translation>{role} (sudah sampai di akhir)</translation>
    </message>
    <message>
        <source>The session has started.</source>
        <translation>Sesi sudah dimulai.</translation>
    </message>
    <message>
        <source>The session is paused: the workstations take no decisions until you resume.</source>
        <translation>Sesi dijeda: komputer peserta tidak menerima keputusan sampai Anda melanjutkannya.</translation>
    </message>
    <message>
        <source>The session runs again.</source>
        <translation>Sesi berjalan lagi.</translation>
    </message>
    <message>
        <source>The session has ended.</source>
        <translation>Sesi sudah berakhir.</translation>
    </message>
    <message>
        <source>End the session</source>
        <translation>Akhiri sesi</translation>
    </message>
    <message>
        <source>End session {name}? Its log becomes read-only and the team is scored as it stands.</source>
        <translation>Akhiri sesi {name}? Log-nya tidak bisa diubah lagi dan tim dinilai berdasarkan posisinya saat ini.</translation>
    </message>
    <message>
        <source>Inject “{title}” fired for {roles}.</source>
        <translation>Inject “{title}” sudah dipicu untuk {roles}.</translation>
    </message>
    <message>
        <source>Message sent to {roles} only: the other roles have reached their end.</source>
        <translation>Pesan terkirim hanya kepada {roles}: peran lainnya sudah sampai di akhir.</translation>
    </message>
    <message>
        <source>Message sent to {roles}.</source>
        <translation>Pesan terkirim kepada {roles}.</translation>
    </message>
</context>
<context>
    <name>CourseDialog</name>
    <message>
        <source>New course</source>
        <translation>Kursus baru</translation>
    </message>
    <message>
        <source>Scenarios in the course</source>
        <translation>Skenario dalam kursus</translation>
    </message>
    <message>
        <source>Every scenario passed</source>
        <translation>Semua skenario lulus</translation>
    </message>
    <message>
        <source>A mean percent over the scenarios</source>
        <translation>Rata-rata persen seluruh skenario</translation>
    </message>
    <message>
        <source>The best attempt counts</source>
        <translation>Percobaan terbaik yang dihitung</translation>
    </message>
    <message>
        <source>The last attempt counts</source>
        <translation>Percobaan terakhir yang dihitung</translation>
    </message>
    <message>
        <source>no limit</source>
        <translation>tanpa batas</translation>
    </message>
    <message>
        <source>Show each choice&apos;s feedback at once (otherwise in the debrief)</source>
        <translation>Tampilkan umpan balik setiap pilihan langsung (jika tidak, di evaluasi)</translation>
    </message>
    <message>
        <source>Code (a-z, 0-9, -):</source>
        <translation>Kode (a-z, 0-9, -):</translation>
    </message>
    <message>
        <source>Title (English):</source>
        <translation>Judul (bahasa Inggris):</translation>
    </message>
    <message>
        <source>Title (Bahasa Indonesia):</source>
        <translation>Judul (bahasa Indonesia):</translation>
    </message>
    <message>
        <source>Scenarios (tick, in order):</source>
        <translation>Skenario (centang, berurutan):</translation>
    </message>
    <message>
        <source>Pass rule:</source>
        <translation>Aturan kelulusan:</translation>
    </message>
    <message>
        <source>Mean percent to pass:</source>
        <translation>Rata-rata persen untuk lulus:</translation>
    </message>
    <message>
        <source>Attempts:</source>
        <translation>Percobaan:</translation>
    </message>
    <message>
        <source>Most attempts per scenario:</source>
        <translation>Percobaan terbanyak per skenario:</translation>
    </message>
</context>
<context>
    <name>CourseTreeModel</name>
    <message>
        <source>completed, certificate issued</source>
        <translation>selesai, sertifikat sudah terbit</translation>
    </message>
    <message>
        <source>completed</source>
        <translation>selesai</translation>
    </message>
    <message>
        <source>not yet completed</source>
        <translation>belum selesai</translation>
    </message>
    <message>
        <source>Course and case</source>
        <translation>Kursus dan kasus</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Best score</source>
        <translation>Nilai terbaik</translation>
    </message>
    <message>
        <source>Attempts</source>
        <translation>Percobaan</translation>
    </message>
    <message>
        <source>Your role</source>
        <translation>Peran Anda</translation>
    </message>
    <message>
        <source>{course} ({status})</source>
        <translation>{course} ({status})</translation>
    </message>
</context>
<context>
    <name>DebriefPage</name>
    <message>
        <source>&amp;Back to my courses</source>
        <translation>&amp;Kembali ke kursus saya</translation>
    </message>
    <message>
        <source>Your decisions</source>
        <translation>Keputusan Anda</translation>
    </message>
    <message>
        <source>Feedback on the decision</source>
        <translation>Umpan balik atas keputusan</translation>
    </message>
    <message>
        <source>&amp;Route</source>
        <translation>&amp;Rute</translation>
    </message>
    <message>
        <source>Your route and the best route through the case</source>
        <translation>Rute Anda dan rute terbaik dalam kasus ini</translation>
    </message>
    <message>
        <source>Your trail and the best trail on the referral pathway</source>
        <translation>Jejak Anda dan jejak terbaik di jalur rujukan</translation>
    </message>
    <message>
        <source>Percent per competency</source>
        <translation>Persentase per kompetensi</translation>
    </message>
    <message>
        <source>Your &amp;decisions (✓ good practice, ~ acceptable, ✗ poor, ‼ critical error)</source>
        <translation>Kepu&amp;tusan Anda (✓ praktik baik, ~ cukup, ✗ buruk, ‼ kesalahan kritis)</translation>
    </message>
    <message>
        <source>Debrief views</source>
        <translation>Tampilan evaluasi</translation>
    </message>
    <message>
        <source>Competency figures</source>
        <translation>Angka per kompetensi</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>Dihitung</translation>
    </message>
    <message>
        <source>earned {earned} %, counted {counted} % (lost {lost} points)</source>
        <translation>diperoleh {earned} %, dihitung {counted} % (berkurang {lost} poin)</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Lulus</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>Tidak lulus</translation>
    </message>
    <message>
        <source>Earned, then lost to mistakes</source>
        <translation>Diperoleh, lalu hilang karena kesalahan</translation>
    </message>
    <message>
        <source>Co&amp;mpetencies</source>
        <translation>Ko&amp;mpetensi</translation>
    </message>
    <message>
        <source>R&amp;eferral pathway</source>
        <translation>&amp;Jalur rujukan</translation>
    </message>
    <message numerus="yes">
        <source>earned {earned} %, counted {counted} % (lost %n point(s))</source>
        <translation>
            <numerusform>diperoleh {earned} %, dihitung {counted} % (berkurang %n poin)</numerusform>
        </translation>
    </message>
    <message>
        <source>Your score: {score} (pass mark {mark}).</source>
        <translation>Nilai Anda: {score} (batas lulus {mark}).</translation>
    </message>
    <message>
        <source>Critical error: {text}</source>
        <translation>Kesalahan kritis: {text}</translation>
    </message>
    <message>
        <source>Pathway rule broken: {rule}{cost}</source>
        <translation>Aturan jalur rujukan dilanggar: {rule}{cost}</translation>
    </message>
    <message>
        <source>Off-pathway referral: {a} → {b}</source>
        <translation>Rujukan di luar jalur: {a} → {b}</translation>
    </message>
    <message>
        <source>You chose</source>
        <translation>Pilihan Anda</translation>
    </message>
    <message>
        <source>Critical error</source>
        <translation>Kesalahan kritis</translation>
    </message>
    <message>
        <source>Reference</source>
        <translation>Rujukan hukum</translation>
    </message>
    <message>
        <source>Good practice here</source>
        <translation>Praktik baik di sini</translation>
    </message>
    <message>
        <source>What the law says</source>
        <translation>Bunyi ketentuan hukumnya</translation>
    </message>
    <message>
        <source>End: success</source>
        <translation>Akhir: berhasil</translation>
    </message>
    <message>
        <source>End: partial success</source>
        <translation>Akhir: berhasil sebagian</translation>
    </message>
    <message>
        <source>End: failure</source>
        <translation>Akhir: gagal</translation>
    </message>
</context>
<context>
    <name>EditAccountDialog</name>
    <message>
        <source>Edit the account {username}</source>
        <translation>Ubah data akun {username}</translation>
    </message>
    <message>
        <source>as it will be printed on certificates</source>
        <translation>sebagaimana akan dicetak pada sertifikat</translation>
    </message>
    <message>
        <source>Certificates already issued keep the name, rank, staff ID and unit they were issued with; certificates issued from now on print the corrected values.</source>
        <translation>Sertifikat yang sudah diterbitkan tetap memuat nama, pangkat, NRP/NIP, dan satuan saat diterbitkan; sertifikat yang diterbitkan mulai sekarang mencetak data yang sudah diperbaiki.</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Nama pengguna:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nama &amp;lengkap:</translation>
    </message>
    <message>
        <source>Ran&amp;k:</source>
        <translation>Pang&amp;kat:</translation>
    </message>
    <message>
        <source>&amp;Staff ID (NRP/NIP):</source>
        <translation>N&amp;RP/NIP:</translation>
    </message>
    <message>
        <source>U&amp;nit:</source>
        <translation>&amp;Satuan:</translation>
    </message>
    <message>
        <source>Ag&amp;ency:</source>
        <translation>&amp;Instansi:</translation>
    </message>
    <message>
        <source>Sa&amp;ve the changes</source>
        <translation>Si&amp;mpan perubahan</translation>
    </message>
</context>
<context>
    <name>EditorCommands</name>
    <message>
        <source>New</source>
        <translation>Baru</translation>
    </message>
    <message>
        <source>Open…</source>
        <translation>Buka…</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Impor…</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>Simpan sebagai…</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Terbitkan</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>Tambah tahap</translation>
    </message>
    <message>
        <source>Duplicate stage</source>
        <translation>Gandakan tahap</translation>
    </message>
    <message>
        <source>Add choice</source>
        <translation>Tambah pilihan</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Ganti nama…</translation>
    </message>
    <message>
        <source>Set as start</source>
        <translation>Jadikan awal</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>Rincian kasus</translation>
    </message>
    <message>
        <source>Case file</source>
        <translation>Berkas kasus</translation>
    </message>
    <message>
        <source>Play from here</source>
        <translation>Mainkan dari sini</translation>
    </message>
    <message>
        <source>Arrange automatically</source>
        <translation>Atur otomatis</translation>
    </message>
    <message>
        <source>Open a scenario file; the arrow lists the bundled cases</source>
        <translation>Buka berkas skenario; panahnya mendaftar kasus bawaan</translation>
    </message>
    <message>
        <source>Lay the whole map out again in layers from the start, forgetting where stages were dragged (an edit places only what it adds, so the map can grow untidy); one step to undo</source>
        <translation>Tata ulang seluruh peta berlapis-lapis dari tahap awal, melupakan posisi tahap yang telah digeser (suntingan hanya menempatkan apa yang ditambahkannya, sehingga peta bisa menjadi kurang rapi); dapat dibatalkan dalam satu langkah</translation>
    </message>
    <message>
        <source>&amp;Scenario</source>
        <translation>S&amp;kenario</translation>
    </message>
    <message>
        <source>More commands</source>
        <translation>Perintah lainnya</translation>
    </message>
    <message>
        <source>More commands (each is also in the Scenario menu, with its key)</source>
        <translation>Perintah lainnya (semuanya juga ada di menu Skenario, beserta tombol pintasnya)</translation>
    </message>
    <message>
        <source>Bundled cases</source>
        <translation>Kasus bawaan</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <source>Undo: {what}</source>
        <translation>Urungkan: {what}</translation>
    </message>
    <message>
        <source>Nothing to undo</source>
        <translation>Tidak ada yang bisa diurungkan</translation>
    </message>
    <message>
        <source>Redo: {what}</source>
        <translation>Ulangi: {what}</translation>
    </message>
    <message>
        <source>Nothing to redo</source>
        <translation>Tidak ada yang bisa diulangi</translation>
    </message>
</context>
<context>
    <name>EditorFields</name>
    <message>
        <source>Title (English)</source>
        <translation>Judul (bahasa Inggris)</translation>
    </message>
    <message>
        <source>Title (Indonesian)</source>
        <translation>Judul (bahasa Indonesia)</translation>
    </message>
    <message>
        <source>Text (English)</source>
        <translation>Teks (bahasa Inggris)</translation>
    </message>
    <message>
        <source>Text (Indonesian)</source>
        <translation>Teks (bahasa Indonesia)</translation>
    </message>
    <message>
        <source>End</source>
        <translation>Akhir</translation>
    </message>
    <message>
        <source>Pathway step</source>
        <translation>Langkah jalur</translation>
    </message>
    <message>
        <source>Reveals exhibits</source>
        <translation>Membuka barang bukti</translation>
    </message>
    <message>
        <source>Label (English)</source>
        <translation>Label (bahasa Inggris)</translation>
    </message>
    <message>
        <source>Label (Indonesian)</source>
        <translation>Label (bahasa Indonesia)</translation>
    </message>
    <message>
        <source>Leads to</source>
        <translation>Menuju</translation>
    </message>
    <message>
        <source>Feedback (English)</source>
        <translation>Umpan balik (bahasa Inggris)</translation>
    </message>
    <message>
        <source>Feedback (Indonesian)</source>
        <translation>Umpan balik (bahasa Indonesia)</translation>
    </message>
    <message>
        <source>Scores</source>
        <translation>Skor</translation>
    </message>
    <message>
        <source>Critical error (why)</source>
        <translation>Kesalahan kritis (alasannya)</translation>
    </message>
    <message>
        <source>Offered when</source>
        <translation>Ditawarkan jika</translation>
    </message>
    <message>
        <source>Sets variables</source>
        <translation>Menetapkan variabel</translation>
    </message>
    <message>
        <source>Adds to variables</source>
        <translation>Menambah variabel</translation>
    </message>
    <message>
        <source>Hours it takes</source>
        <translation>Lama waktu (jam)</translation>
    </message>
    <message>
        <source>Legal reference</source>
        <translation>Rujukan hukum</translation>
    </message>
    <message>
        <source>Case id</source>
        <translation>ID kasus</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versi</translation>
    </message>
    <message>
        <source>Summary (English)</source>
        <translation>Ringkasan (Inggris)</translation>
    </message>
    <message>
        <source>Summary (Indonesian)</source>
        <translation>Ringkasan (Indonesia)</translation>
    </message>
    <message>
        <source>Content warning (English)</source>
        <translation>Peringatan konten (Inggris)</translation>
    </message>
    <message>
        <source>Content warning (Indonesian)</source>
        <translation>Peringatan konten (Indonesia)</translation>
    </message>
    <message>
        <source>Role the trainee plays</source>
        <translation>Peran yang dimainkan peserta</translation>
    </message>
    <message>
        <source>Referral pathway</source>
        <translation>Jalur rujukan</translation>
    </message>
    <message>
        <source>Pass mark</source>
        <translation>Nilai lulus</translation>
    </message>
    <message>
        <source>Variables (starting values)</source>
        <translation>Variabel (nilai awal)</translation>
    </message>
    <message>
        <source>Analysis budget (states)</source>
        <translation>Batas analisis (keadaan)</translation>
    </message>
    <message>
        <source>Exhibit id</source>
        <translation>ID barang bukti</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Content (English)</source>
        <translation>Isi (bahasa Inggris)</translation>
    </message>
    <message>
        <source>Content (Indonesian)</source>
        <translation>Isi (bahasa Indonesia)</translation>
    </message>
    <message>
        <source>File (optional)</source>
        <translation>Berkas (opsional)</translation>
    </message>
    <message>
        <source>Competency id</source>
        <translation>ID kompetensi</translation>
    </message>
    <message>
        <source>Weight in the total</source>
        <translation>Bobot dalam nilai total</translation>
    </message>
    <message>
        <source>Not an end</source>
        <translation>Bukan akhir</translation>
    </message>
    <message>
        <source>End: success</source>
        <translation>Akhir: berhasil</translation>
    </message>
    <message>
        <source>End: partial success</source>
        <translation>Akhir: berhasil sebagian</translation>
    </message>
    <message>
        <source>End: failure</source>
        <translation>Akhir: gagal</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Foto</translation>
    </message>
    <message>
        <source>Chat</source>
        <translation>Percakapan</translation>
    </message>
    <message>
        <source>Statement</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Laporan</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Rekaman suara</translation>
    </message>
    <message>
        <source>e.g. {example}</source>
        <translation>mis. {example}</translation>
    </message>
    <message>
        <source>Default (100,000, or 32 a stage)</source>
        <translation>Standar (100.000, atau 32 per tahap)</translation>
    </message>
    <message>
        <source>The most states the check of every route explores (1 to 2,000,000, about 1 KB of memory each). Raise it when the variables combine into more states than the default, as the findings say.</source>
        <translation>Jumlah keadaan terbanyak yang dijelajahi pemeriksaan setiap rute (1 sampai 2.000.000, masing-masing sekitar 1 KB memori). Naikkan bila kombinasi variabel menghasilkan lebih banyak keadaan daripada standarnya, seperti yang disebut temuan.</translation>
    </message>
</context>
<context>
    <name>EditorForms</name>
    <message>
        <source>&apos;{part}&apos;: write variable: value</source>
        <translation>&apos;{part}&apos;: tulis variabel: nilai</translation>
    </message>
    <message>
        <source>&apos;{part}&apos;: write competency: points</source>
        <translation>&apos;{part}&apos;: tulis kompetensi: poin</translation>
    </message>
    <message>
        <source>&apos;{part}&apos;: the value must be a whole number</source>
        <translation>&apos;{part}&apos;: nilainya harus bilangan bulat</translation>
    </message>
    <message>
        <source>&apos;{part}&apos;: the value must be true, false or a whole number</source>
        <translation>&apos;{part}&apos;: nilainya harus true, false, atau bilangan bulat</translation>
    </message>
    <message>
        <source>&apos;{part}&apos;: the points must be a whole number</source>
        <translation>&apos;{part}&apos;: poinnya harus bilangan bulat</translation>
    </message>
    <message>
        <source>&apos;{part}&apos;: write a number, such as 1.5</source>
        <translation>&apos;{part}&apos;: tulis angka, misalnya 1,5</translation>
    </message>
</context>
<context>
    <name>EditorPage</name>
    <message>
        <source>Checking stopped: {detail}</source>
        <translation>Pemeriksaan terhenti: {detail}</translation>
    </message>
    <message>
        <source>Find a stage or choice…</source>
        <translation>Cari tahap atau pilihan…</translation>
    </message>
    <message>
        <source>Find a stage or choice</source>
        <translation>Cari tahap atau pilihan</translation>
    </message>
    <message>
        <source>Stages and choices</source>
        <translation>Tahap dan pilihan</translation>
    </message>
    <message>
        <source>Validation findings</source>
        <translation>Temuan validasi</translation>
    </message>
    <message>
        <source>Scenario graph</source>
        <translation>Graf skenario</translation>
    </message>
    <message>
        <source>Arrow keys: from stage to stage. Ctrl+arrow keys: move the selected stage (with Shift, further). Drag to move a stage.</source>
        <translation>Tombol panah: dari tahap ke tahap. Ctrl+tombol panah: memindahkan tahap yang dipilih (dengan Shift, lebih jauh). Seret untuk memindahkan tahap.</translation>
    </message>
    <message>
        <source>unsaved case</source>
        <translation>kasus belum disimpan</translation>
    </message>
    <message>
        <source>Scenario editor</source>
        <translation>Penyunting skenario</translation>
    </message>
</context>
<context>
    <name>EndPanel</name>
    <message>
        <source>The case has ended: passed.</source>
        <translation>Kasus telah berakhir: lulus.</translation>
    </message>
    <message>
        <source>The case has ended: not passed.</source>
        <translation>Kasus telah berakhir: tidak lulus.</translation>
    </message>
    <message>
        <source>The story&apos;s ending: success.</source>
        <translation>Akhir cerita: berhasil.</translation>
    </message>
    <message>
        <source>The story&apos;s ending: partial success.</source>
        <translation>Akhir cerita: berhasil sebagian.</translation>
    </message>
    <message>
        <source>The story&apos;s ending: failure.</source>
        <translation>Akhir cerita: gagal.</translation>
    </message>
    <message>
        <source>The story&apos;s ending: {end}.</source>
        <translation>Akhir cerita: {end}.</translation>
    </message>
    <message>
        <source>A critical error was made: the case is not passed, whatever its ending.</source>
        <translation>Terjadi kesalahan kritis: kasus ini tidak lulus, apa pun akhir ceritanya.</translation>
    </message>
    <message>
        <source>Your score: {score} (pass mark {mark}).</source>
        <translation>Nilai Anda: {score} (batas lulus {mark}).</translation>
    </message>
</context>
<context>
    <name>ErrorMessages</name>
    <message>
        <source>the records database</source>
        <translation>basis data catatan</translation>
    </message>
    <message>
        <source>The records database is read-only here, so nothing new can be saved: ask whoever looks after this workstation to give it write access to {where}.</source>
        <translation>Basis data catatan hanya-baca di sini, sehingga tidak ada yang baru yang dapat disimpan: mintalah pengelola komputer ini memberi izin tulis untuk {where}.</translation>
    </message>
    <message>
        <source>The records database cannot be reached ({where}): check that the server is running, or the drive is connected, then try again.</source>
        <translation>Basis data catatan tidak dapat dijangkau ({where}): periksa apakah servernya menyala atau drive-nya terpasang, lalu coba lagi.</translation>
    </message>
    <message>
        <source>The records server ({where}) refused this workstation&apos;s database user or password: ask the administrator to check the database address.</source>
        <translation>Server catatan ({where}) menolak nama pengguna atau kata sandi basis data komputer ini: mintalah administrator memeriksa alamat basis data.</translation>
    </message>
    <message>
        <source>The records are busy with other work, on another workstation or in another program: try again in a moment.</source>
        <translation>Catatan sedang dipakai untuk pekerjaan lain, di komputer lain atau oleh program lain: coba lagi sebentar lagi.</translation>
    </message>
    <message>
        <source>The disk that holds the records ({where}) is full: free some space, then try again; what was saved is safe.</source>
        <translation>Disk tempat catatan disimpan ({where}) penuh: kosongkan sebagian ruang, lalu coba lagi; yang sudah tersimpan tetap aman.</translation>
    </message>
    <message>
        <source>The connection to the records ({where}) was lost: everything saved before is safe; try again once it is back.</source>
        <translation>Sambungan ke catatan ({where}) terputus: semua yang sudah tersimpan tetap aman; coba lagi setelah sambungan pulih.</translation>
    </message>
    <message>
        <source>The records ({where}) are damaged or are not a TIPCase database: restore them from a backup.</source>
        <translation>Catatan ({where}) rusak atau bukan basis data TIPCase: pulihkan dari cadangan.</translation>
    </message>
    <message>
        <source>This workstation&apos;s database user may not make this change ({where}): ask the database administrator.</source>
        <translation>Pengguna basis data komputer ini tidak boleh membuat perubahan ini ({where}): hubungi administrator basis data.</translation>
    </message>
    <message>
        <source>The records refused this change because it would break one of their rules; nothing was saved.</source>
        <translation>Catatan menolak perubahan ini karena akan melanggar salah satu aturannya; tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>The records ({where}) were last used by a newer TIPCase: update TIPCase on this workstation.</source>
        <translation>Catatan ({where}) terakhir dipakai oleh TIPCase versi yang lebih baru: perbarui TIPCase di komputer ini.</translation>
    </message>
    <message>
        <source>The records ({where}) need an upgrade that this workstation&apos;s database user may not make: ask the database owner to run &apos;tipcase db upgrade&apos;.</source>
        <translation>Catatan ({where}) perlu diperbarui, tetapi pengguna basis data komputer ini tidak boleh melakukannya: mintalah pemilik basis data menjalankan &apos;tipcase db upgrade&apos;.</translation>
    </message>
    <message>
        <source>The database address is not one TIPCase can use: it starts with sqlite:/// or postgresql://.</source>
        <translation>Alamat basis data ini tidak dapat dipakai TIPCase: alamatnya diawali sqlite:/// atau postgresql://.</translation>
    </message>
    <message>
        <source>The records database ({where}) reported a fault; nothing was saved.</source>
        <translation>Basis data catatan ({where}) melaporkan gangguan; tidak ada yang disimpan.</translation>
    </message>
    <message>
        <source>the file</source>
        <translation>berkas itu</translation>
    </message>
    <message>
        <source>The disk is full: {file} could not be written. Free some space, then try again.</source>
        <translation>Disk penuh: {file} tidak dapat ditulis. Kosongkan sebagian ruang, lalu coba lagi.</translation>
    </message>
    <message>
        <source>TIPCase may not use {file}: choose another folder or ask for access.</source>
        <translation>TIPCase tidak diizinkan memakai {file}: pilih folder lain atau minta izin akses.</translation>
    </message>
    <message>
        <source>{file} is on a read-only drive: choose another folder.</source>
        <translation>{file} berada di drive hanya-baca: pilih folder lain.</translation>
    </message>
    <message>
        <source>{file} does not exist (any more).</source>
        <translation>{file} tidak ada (lagi).</translation>
    </message>
    <message>
        <source>{file} could not be read or written ({reason}).</source>
        <translation>{file} tidak dapat dibaca atau ditulis ({reason}).</translation>
    </message>
    <message>
        <source>the terminal that started TIPCase</source>
        <translation>terminal yang menjalankan TIPCase</translation>
    </message>
    <message>
        <source>TIPCase met a problem it did not expect, and what you just asked for may not have been done. Nothing you did before is lost: decisions are saved the moment they are made, and the case editor keeps an autosave copy. The details for whoever supports TIPCase are in {log}.</source>
        <translation>TIPCase mengalami masalah yang tidak terduga, dan permintaan Anda barusan mungkin belum terlaksana. Tidak ada pekerjaan Anda sebelumnya yang hilang: setiap keputusan disimpan saat dibuat, dan editor kasus menyimpan salinan otomatis. Rinciannya, untuk petugas yang mendukung TIPCase, ada di {log}.</translation>
    </message>
    <message>
        <source>TIPCase: something went wrong</source>
        <translation>TIPCase: terjadi masalah</translation>
    </message>
</context>
<context>
    <name>Exercise</name>
    <message>
        <source>Not started</source>
        <translation>Belum dimulai</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>Berjalan</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Dijeda</translation>
    </message>
    <message>
        <source>Ended</source>
        <translation>Berakhir</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} jam</translation>
    </message>
    <message>
        <source>Reached its end</source>
        <translation>Sampai di akhir</translation>
    </message>
    <message>
        <source>Reached its end: “{stage}”</source>
        <translation>Sampai di akhir: “{stage}”</translation>
    </message>
    <message>
        <source>Stage: “{stage}”</source>
        <translation>Tahap: “{stage}”</translation>
    </message>
    <message>
        <source>Waiting for “{handover}” from {sender}</source>
        <translation>Menunggu “{handover}” dari {sender}</translation>
    </message>
    <message>
        <source>#</source>
        <translation>#</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Jam</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Yang terjadi</translation>
    </message>
    <message>
        <source> and </source>
        <translation> dan </translation>
    </message>
    <message>
        <source>a choice at stage “{stage}”</source>
        <translation>sebuah pilihan di tahap “{stage}”</translation>
    </message>
    <message>
        <source>the hand-over “{handover}”</source>
        <translation>serah terima “{handover}”</translation>
    </message>
    <message>
        <source>the inject “{inject}”</source>
        <translation>inject “{inject}”</translation>
    </message>
    <message>
        <source>{variable} for {role}: set by {sources}</source>
        <translation>{variable} untuk {role}: ditetapkan oleh {sources}</translation>
    </message>
</context>
<context>
    <name>ExerciseFlow</name>
    <message>
        <source>Choose a session first.</source>
        <translation>Pilih sesi terlebih dahulu.</translation>
    </message>
    <message>
        <source>Who did what and when, each decision rated, and the after-action report</source>
        <translation>Siapa melakukan apa dan kapan, penilaian setiap keputusan, dan laporan evaluasi pasca-latihan</translation>
    </message>
</context>
<context>
    <name>ExerciseHour</name>
    <message>
        <source>{hours} h</source>
        <translation>jam ke-{hours}</translation>
    </message>
</context>
<context>
    <name>ExercisesPage</name>
    <message>
        <source>Team exercises</source>
        <translation>Latihan tim</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>Sesi bar&amp;u…</translation>
    </message>
    <message>
        <source>De&amp;lete draft…</source>
        <translation>&amp;Hapus draf…</translation>
    </message>
    <message>
        <source>Joint &amp;debrief</source>
        <translation>&amp;Evaluasi bersama</translation>
    </message>
    <message>
        <source>Show &amp;archived</source>
        <translation>&amp;Tampilkan yang diarsipkan</translation>
    </message>
    <message>
        <source>List the archived sessions too: their records, logs and debriefs stay whole</source>
        <translation>Cantumkan juga sesi yang diarsipkan: catatan, log, dan evaluasinya tetap utuh</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sesi</translation>
    </message>
    <message>
        <source>Direct a team exercise: create a session from a published team case, assign trainees to its roles, start it and follow every role on the pathway from its control room.</source>
        <translation>Pimpin latihan tim: buat sesi dari kasus tim yang sudah diterbitkan, tugaskan peserta ke peran-perannya, mulai sesinya, dan ikuti setiap peran di jalur rujukan dari ruang kendalinya.</translation>
    </message>
    <message>
        <source>The team exercises you take part in. Join your role when the trainer tells you; the others play theirs at their own workstations.</source>
        <translation>Latihan tim yang Anda ikuti. Masuklah ke peran Anda saat pelatih memberi aba-aba; peserta lain memainkan peran mereka di komputer masing-masing.</translation>
    </message>
    <message>
        <source>No session yet: New session… creates one from a published team case.</source>
        <translation>Belum ada sesi: Sesi baru… membuatnya dari kasus tim yang sudah diterbitkan.</translation>
    </message>
    <message>
        <source>No team exercise for you now: the trainer assigns you to a role in one.</source>
        <translation>Saat ini belum ada latihan tim untuk Anda: pelatih yang menugaskan Anda ke sebuah peran.</translation>
    </message>
    <message>
        <source>Ended sessions that were archived are listed with Show archived.</source>
        <translation>Sesi yang sudah berakhir dan diarsipkan tercantum dengan Tampilkan yang diarsipkan.</translation>
    </message>
    <message>
        <source>&amp;Join my role</source>
        <translation>&amp;Masuk ke peran saya</translation>
    </message>
    <message>
        <source>&amp;Open the control room</source>
        <translation>Buka &amp;ruang kendali</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesi</translation>
    </message>
    <message>
        <source>Team case</source>
        <translation>Kasus tim</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>My roles</source>
        <translation>Peran saya</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Dibuat</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Dimulai</translation>
    </message>
    <message>
        <source>Trainees</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>passed, {percent}</source>
        <translation>lulus, {percent}</translation>
    </message>
    <message>
        <source>not passed, {percent}</source>
        <translation>tidak lulus, {percent}</translation>
    </message>
    <message>
        <source>Your role opens when the trainer starts the session.</source>
        <translation>Peran Anda terbuka saat pelatih memulai sesi.</translation>
    </message>
    <message>
        <source>Only a draft never started can be deleted: a session once started is part of the record.</source>
        <translation>Hanya draf yang belum pernah dimulai yang dapat dihapus: sesi yang sudah dimulai menjadi bagian dari catatan.</translation>
    </message>
    <message>
        <source>Delete the draft</source>
        <translation>Hapus draf</translation>
    </message>
    <message>
        <source>Delete draft session {name} and its assignments? Nothing was played in it.</source>
        <translation>Hapus draf sesi {name} beserta penugasannya? Belum ada yang dimainkan di dalamnya.</translation>
    </message>
    <message>
        <source>Draft session {name} deleted.</source>
        <translation>Draf sesi {name} sudah dihapus.</translation>
    </message>
</context>
<context>
    <name>ExhibitForm</name>
    <message>
        <source>Change exhibit {id}</source>
        <translation>Ubah barang bukti {id}</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Choose a picture or recording…</source>
        <translation>Pilih gambar atau rekaman…</translation>
    </message>
    <message>
        <source>Apply to the exhibit</source>
        <translation>Terapkan pada barang bukti</translation>
    </message>
</context>
<context>
    <name>ExpiryChoice</name>
    <message>
        <source>&amp;No expiry</source>
        <translation>Tanpa &amp;batas waktu</translation>
    </message>
    <message>
        <source>Valid &amp;for</source>
        <translation>Berlaku &amp;selama</translation>
    </message>
    <message>
        <source> days</source>
        <translation> hari</translation>
    </message>
    <message>
        <source>Days the certificate is valid</source>
        <translation>Lama sertifikat berlaku (hari)</translation>
    </message>
</context>
<context>
    <name>FileSession</name>
    <message>
        <source>the unsaved case</source>
        <translation>kasus yang belum disimpan</translation>
    </message>
    <message>
        <source>Scenario editor</source>
        <translation>Penyunting skenario</translation>
    </message>
    <message>
        <source>Save the changes to {name}?</source>
        <translation>Simpan perubahan pada {name}?</translation>
    </message>
    <message>
        <source>Open a scenario</source>
        <translation>Buka skenario</translation>
    </message>
    <message>
        <source>Scenario (*.yaml *.yml)</source>
        <translation>Skenario (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Changes to {name} that were never saved were kept automatically. Restore them?</source>
        <translation>Perubahan pada {name} yang belum pernah disimpan telah disimpan otomatis. Pulihkan?</translation>
    </message>
    <message>
        <source>Opening {name}…</source>
        <translation>Membuka {name}…</translation>
    </message>
    <message>
        <source>Save the scenario</source>
        <translation>Simpan skenario</translation>
    </message>
    <message>
        <source>Scenario (*.yaml)</source>
        <translation>Skenario (*.yaml)</translation>
    </message>
    <message>
        <source>Saved {name}</source>
        <translation>{name} tersimpan</translation>
    </message>
    <message>
        <source>The case could not be saved to {path}: {detail}</source>
        <translation>Kasus tidak dapat disimpan ke {path}: {detail}</translation>
    </message>
    <message>
        <source>Saving {name}…</source>
        <translation>Menyimpan {name}…</translation>
    </message>
    <message>
        <source>Not copied beside the case, because a different file of the same name is there already: {names}.</source>
        <translation>Tidak disalin ke samping kasus, karena di sana sudah ada berkas lain dengan nama yang sama: {names}.</translation>
    </message>
    <message>
        <source>Autosave failed: {detail}</source>
        <translation>Simpan otomatis gagal: {detail}</translation>
    </message>
    <message>
        <source>“{title}” ({id})</source>
        <translation>“{title}” ({id})</translation>
    </message>
    <message>
        <source>Published {case} version {version}</source>
        <translation>{case} versi {version} diterbitkan</translation>
    </message>
    <message>
        <source>{case} version {version} is published already, exactly as it is: nothing new to publish.</source>
        <translation>{case} versi {version} sudah diterbitkan persis seperti ini: tidak ada yang baru untuk diterbitkan.</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>Terbitkan</translation>
    </message>
    <message>
        <source>Version {number} of {id} is already published with other content, and a published version never changes. Publish this case as version {next}? (Its Version in Case details becomes {next}.)</source>
        <translation>Versi {number} dari {id} sudah diterbitkan dengan isi lain, dan versi yang sudah terbit tidak pernah berubah. Terbitkan kasus ini sebagai versi {next}? (Versi di Rincian kasus menjadi {next}.)</translation>
    </message>
    <message>
        <source>Publish as version {next}</source>
        <translation>Terbitkan sebagai versi {next}</translation>
    </message>
    <message>
        <source>Change the case details</source>
        <translation>Ubah rincian kasus</translation>
    </message>
</context>
<context>
    <name>FindingsModel</name>
    <message>
        <source>No findings.</source>
        <translation>Tidak ada temuan.</translation>
    </message>
    <message>
        <source>No findings: the case is ready to publish as version {number}.</source>
        <translation>Tidak ada temuan: kasus siap diterbitkan sebagai versi {number}.</translation>
    </message>
    <message>
        <source>No findings. Version {number} is published already (the newest is {latest}): to publish changes, raise the Version in Case details to {next}.</source>
        <translation>Tidak ada temuan. Versi {number} sudah diterbitkan (yang terbaru {latest}): untuk menerbitkan perubahan, naikkan Versi di Rincian kasus menjadi {next}.</translation>
    </message>
    <message>
        <source>Checking the case…</source>
        <translation>Memeriksa kasus…</translation>
    </message>
    <message numerus="yes">
        <source>%n more like this, not listed</source>
        <translation>
            <numerusform>%n lagi yang serupa, tidak dicantumkan</numerusform>
        </translation>
    </message>
    <message>
        <source>the file cannot be read (not valid YAML, or not UTF-8)</source>
        <translation>berkas tidak dapat dibaca (bukan YAML yang sah, atau bukan UTF-8)</translation>
    </message>
    <message>
        <source>a field that must be filled is empty, or a value is not of the form it needs</source>
        <translation>isian yang wajib masih kosong, atau suatu nilai tidak sesuai bentuk yang diperlukan</translation>
    </message>
    <message>
        <source>leads to a stage that does not exist</source>
        <translation>mengarah ke tahap yang tidak ada</translation>
    </message>
    <message>
        <source>names a step that is not on the referral pathway</source>
        <translation>menyebut langkah yang tidak ada di jalur rujukan</translation>
    </message>
    <message>
        <source>names a competency the case does not have</source>
        <translation>menyebut kompetensi yang tidak dimiliki kasus ini</translation>
    </message>
    <message>
        <source>no route from the start reaches this stage</source>
        <translation>tidak ada rute dari awal yang sampai ke tahap ini</translation>
    </message>
    <message>
        <source>a dead end: no ending can be reached from here</source>
        <translation>jalan buntu: tidak ada akhir yang dapat dicapai dari sini</translation>
    </message>
    <message>
        <source>a loop of choices along which points keep rising</source>
        <translation>putaran pilihan yang membuat poin terus bertambah</translation>
    </message>
    <message>
        <source>the condition cannot be read, names a variable the case does not declare, or compares yes/no with &lt; or &gt;</source>
        <translation>syaratnya tidak dapat dibaca, menyebut variabel yang tidak dinyatakan kasus ini, atau membandingkan ya/tidak dengan &lt; atau &gt;</translation>
    </message>
    <message>
        <source>opens an exhibit the case file does not have</source>
        <translation>membuka barang bukti yang tidak ada dalam berkas kasus</translation>
    </message>
    <message>
        <source>the exhibit&apos;s file can never be shown: not a kind TIPCase shows, or outside the case&apos;s folder</source>
        <translation>berkas barang bukti tidak akan pernah dapat ditampilkan: bukan jenis yang ditampilkan TIPCase, atau di luar folder kasus</translation>
    </message>
    <message>
        <source>a hand-over or inject names no role, or a hand-over has no sender or receiver</source>
        <translation>serah terima atau inject tidak menyebut peran, atau serah terima tidak punya pengirim atau penerima</translation>
    </message>
    <message>
        <source>a role can wait for ever</source>
        <translation>suatu peran dapat menunggu tanpa akhir</translation>
    </message>
    <message>
        <source>a hand-over can queue more deliveries than allowed</source>
        <translation>serah terima dapat mengantre lebih banyak kiriman daripada yang diizinkan</translation>
    </message>
    <message>
        <source>no text in this language</source>
        <translation>belum ada teks dalam bahasa ini</translation>
    </message>
    <message>
        <source>a referral off the pathway</source>
        <translation>rujukan di luar jalur</translation>
    </message>
    <message>
        <source>no feedback</source>
        <translation>tanpa umpan balik</translation>
    </message>
    <message>
        <source>the best route breaks a rule of the pathway</source>
        <translation>rute terbaik melanggar aturan jalur</translation>
    </message>
    <message>
        <source>the file is missing, too big, a link, or not what its name says: publishing refuses it</source>
        <translation>berkasnya tidak ada, terlalu besar, berupa tautan, atau tidak sesuai namanya: penerbitan menolaknya</translation>
    </message>
    <message>
        <source>the legal reference names a provision that is not in the register of provisions</source>
        <translation>rujukan hukum menyebut ketentuan yang tidak ada dalam daftar ketentuan</translation>
    </message>
    <message>
        <source>an inject&apos;s condition reads a variable with no title: the control room would show its id</source>
        <translation>syarat sebuah inject membaca variabel tanpa judul: ruang kendali akan menampilkan kodenya</translation>
    </message>
    <message>
        <source>English</source>
        <translation>bahasa Inggris</translation>
    </message>
    <message>
        <source>Bahasa Indonesia</source>
        <translation>bahasa Indonesia</translation>
    </message>
    <message>
        <source>no text in {languages}</source>
        <translation>belum ada teks dalam {languages}</translation>
    </message>
    <message>
        <source> or </source>
        <translation> atau </translation>
    </message>
    <message>
        <source>a variable or the clock can grow without bound: bound it with a condition</source>
        <translation>sebuah variabel atau waktu kasus dapat bertambah tanpa batas: batasi dengan syarat</translation>
    </message>
    <message>
        <source>the variables combine into more states than any case may have checked (2,000,000): use fewer, or reset them</source>
        <translation>kombinasi variabel menghasilkan lebih banyak keadaan daripada yang boleh diperiksa untuk kasus mana pun (2.000.000): kurangi variabel, atau setel ulang nilainya</translation>
    </message>
    <message>
        <source>more states than the analysis budget ({budget}): raise {field} in Case details, or use fewer variables</source>
        <translation>lebih banyak keadaan daripada batas analisis ({budget}): naikkan {field} di Rincian kasus, atau kurangi variabel</translation>
    </message>
    <message>
        <source>Stage {id}, choice {n}</source>
        <translation>Tahap {id}, pilihan {n}</translation>
    </message>
    <message>
        <source>Stage {id}</source>
        <translation>Tahap {id}</translation>
    </message>
    <message>
        <source>Case file › {id}</source>
        <translation>Berkas kasus › {id}</translation>
    </message>
    <message>
        <source>Case details</source>
        <translation>Rincian kasus</translation>
    </message>
</context>
<context>
    <name>FormStack</name>
    <message>
        <source>Competencies of this case:
{list}</source>
        <translation>Kompetensi dalam kasus ini:
{list}</translation>
    </message>
    <message>
        <source>none yet (declare them under Case details)</source>
        <translation>belum ada (nyatakan di Rincian kasus)</translation>
    </message>
    <message>
        <source>Variables of this case: {list}</source>
        <translation>Variabel dalam kasus ini: {list}</translation>
    </message>
    <message>
        <source>none yet (add them under Case file)</source>
        <translation>belum ada (tambahkan di Berkas kasus)</translation>
    </message>
    <message>
        <source>Exhibits of this case: {list}</source>
        <translation>Barang bukti dalam kasus ini: {list}</translation>
    </message>
    <message>
        <source>Choose the case&apos;s referral pathway under Case details first.</source>
        <translation>Pilih dulu jalur rujukan kasus di Rincian kasus.</translation>
    </message>
    <message>
        <source>A step of the pathway “{pathway}”; start typing to see them.</source>
        <translation>Langkah pada jalur “{pathway}”; mulai mengetik untuk melihat pilihannya.</translation>
    </message>
    <message>
        <source>Scenario editor</source>
        <translation>Penyunting skenario</translation>
    </message>
    <message>
        <source>This form holds text that cannot be applied:
{problem}

Go back and fix it, or discard it?</source>
        <translation>Formulir ini berisi teks yang tidak bisa diterapkan:
{problem}

Kembali untuk membetulkannya, atau buang?</translation>
    </message>
    <message>
        <source>Move up</source>
        <translation>Naikkan</translation>
    </message>
    <message>
        <source>Move down</source>
        <translation>Turunkan</translation>
    </message>
    <message>
        <source>Earlier in the list trainees see (Alt+Up)</source>
        <translation>Lebih awal dalam daftar yang dilihat peserta (Alt+Atas)</translation>
    </message>
    <message>
        <source>Later in the list trainees see (Alt+Down)</source>
        <translation>Lebih akhir dalam daftar yang dilihat peserta (Alt+Bawah)</translation>
    </message>
</context>
<context>
    <name>HomePage</name>
    <message>
        <source>My courses</source>
        <translation>Kursus saya</translation>
    </message>
    <message>
        <source>Welcome, {name}.</source>
        <translation>Selamat datang, {name}.</translation>
    </message>
    <message>
        <source>Welcome, {name}. Press Enter to resume the case you left, or choose another case.</source>
        <translation>Selamat datang, {name}. Tekan Enter untuk melanjutkan kasus yang Anda tinggalkan, atau pilih kasus lain.</translation>
    </message>
    <message>
        <source>Welcome, {name}. Choose a case and press Enter to start it.</source>
        <translation>Selamat datang, {name}. Pilih kasus lalu tekan Enter untuk memulainya.</translation>
    </message>
    <message>
        <source>Courses and cases</source>
        <translation>Kursus dan kasus</translation>
    </message>
    <message>
        <source>See the &amp;debrief</source>
        <translation>Lihat &amp;evaluasi</translation>
    </message>
    <message>
        <source>About the selected course or case</source>
        <translation>Tentang kursus atau kasus yang dipilih</translation>
    </message>
    <message numerus="yes">
        <source>You also take part in %n team exercise(s):</source>
        <translation>
            <numerusform>Anda juga ikut dalam %n latihan tim:</numerusform>
        </translation>
    </message>
    <message>
        <source>You take no course yourself: a course is played by the members of its cohorts. To try one as a trainee would, add yourself to one of its cohorts.</source>
        <translation>Anda sendiri tidak mengikuti kursus: kursus dimainkan oleh anggota angkatannya. Untuk mencobanya seperti peserta, tambahkan diri Anda ke salah satu angkatannya.</translation>
    </message>
    <message>
        <source>You have no courses yet. Ask your trainer to add you to a cohort.</source>
        <translation>Anda belum memiliki kursus. Mintalah pelatih Anda memasukkan Anda ke sebuah angkatan.</translation>
    </message>
    <message numerus="yes">
        <source>You have no course yet, but you take part in %n team exercise(s):</source>
        <translation>
            <numerusform>Anda belum mengikuti kursus, tetapi Anda ikut dalam %n latihan tim:</numerusform>
        </translation>
    </message>
    <message>
        <source>Pass every case in the course.</source>
        <translation>Lulus di setiap kasus dalam kursus.</translation>
    </message>
    <message>
        <source>Go to my team e&amp;xercises</source>
        <translation>Ke Latihan &amp;tim saya</translation>
    </message>
    <message>
        <source>Reach a mean of {mean} over the cases.</source>
        <translation>Capai nilai rata-rata {mean} untuk semua kasus.</translation>
    </message>
    <message>
        <source>Your mean over the cases: {mean}.</source>
        <translation>Rata-rata nilai Anda untuk semua kasus: {mean}.</translation>
    </message>
    <message>
        <source>You play: {role}</source>
        <translation>Peran Anda: {role}</translation>
    </message>
    <message>
        <source>Attempts used: {used} of {allowed}.</source>
        <translation>Percobaan terpakai: {used} dari {allowed}.</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>&amp;Lanjutkan</translation>
    </message>
    <message>
        <source>&amp;Try again</source>
        <translation>&amp;Coba lagi</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Mulai</translation>
    </message>
    <message>
        <source>You take no course yourself. Your work is the certificate register (Certificates › Register, Ctrl+R) and verifying the certificates people present (Certificates › Verify a certificate).</source>
        <translation>Anda sendiri tidak mengikuti kursus. Pekerjaan Anda adalah daftar sertifikat (Sertifikat › Daftar sertifikat, Ctrl+R) dan memverifikasi sertifikat yang diajukan orang kepada Anda (Sertifikat › Verifikasi sertifikat).</translation>
    </message>
    <message>
        <source>&lt;b&gt;{session}&lt;/b&gt; ({case}): you play {roles}; {status}.</source>
        <translation>&lt;b&gt;{session}&lt;/b&gt; ({case}): Anda berperan sebagai {roles}; {status}.</translation>
    </message>
    <message numerus="yes">
        <source>%n more that ended: their joint debriefs are in your team exercises.</source>
        <translation>
            <numerusform>%n lagi sudah berakhir: evaluasi bersamanya ada di Latihan tim Anda.</numerusform>
        </translation>
    </message>
    <message>
        <source>It has ended: its joint debrief is in your team exercises.</source>
        <translation>Latihan itu sudah berakhir: evaluasi bersamanya ada di latihan tim Anda.</translation>
    </message>
    <message>
        <source>They have ended: their joint debriefs are in your team exercises.</source>
        <translation>Latihan-latihan itu sudah berakhir: evaluasi bersamanya ada di latihan tim Anda.</translation>
    </message>
    <message>
        <source>Rejoin my role, above (or Enter), takes you back to your role; your team exercises list every session you take part in.</source>
        <translation>Masuk lagi ke peran saya, di atas (atau Enter), membawa Anda kembali ke peran Anda; Latihan tim Anda mencantumkan setiap sesi yang Anda ikuti.</translation>
    </message>
    <message>
        <source>To join it, go to your team exercises (the button below, or File › Team exercises, Ctrl+Shift+X), choose the session and press Join my role when your trainer tells you.</source>
        <translation>Untuk bergabung, buka latihan tim Anda (tombol di bawah, atau Berkas › Latihan tim, Ctrl+Shift+X), pilih sesinya, lalu tekan Masuk ke peran saya saat pelatih Anda memintanya.</translation>
    </message>
    <message>
        <source>To join one, go to your team exercises (the button below, or File › Team exercises, Ctrl+Shift+X), choose the session your trainer names and press Join my role when they tell you.</source>
        <translation>Untuk bergabung, buka latihan tim Anda (tombol di bawah, atau Berkas › Latihan tim, Ctrl+Shift+X), pilih sesi yang disebut pelatih Anda, lalu tekan Masuk ke peran saya saat pelatih memintanya.</translation>
    </message>
    <message>
        <source>Each course counts its own attempts: this case&apos;s status here is for this course only.</source>
        <translation>Setiap kursus menghitung percobaannya sendiri: status kasus ini di sini hanya berlaku untuk kursus ini.</translation>
    </message>
    <message>
        <source>In {course}: {status}.</source>
        <translation>Di {course}: {status}.</translation>
    </message>
</context>
<context>
    <name>InjectPanel</name>
    <message>
        <source>Inject</source>
        <translation>Inject</translation>
    </message>
    <message>
        <source>Fired for</source>
        <translation>Sudah dipicu untuk</translation>
    </message>
    <message>
        <source>Trigger</source>
        <translation>Pemicu</translation>
    </message>
    <message>
        <source>Master events list</source>
        <translation>Daftar induk peristiwa (MSEL)</translation>
    </message>
    <message>
        <source>Fire n&amp;ow</source>
        <translation>Pi&amp;cu sekarang</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Kepa&amp;da:</translation>
    </message>
    <message>
        <source>Whom the inject fires for</source>
        <translation>Kepada siapa inject dipicu</translation>
    </message>
    <message>
        <source>The selected inject: its text, trigger, expected action and note</source>
        <translation>Inject yang dipilih: teksnya, pemicunya, tindakan yang diharapkan dan catatannya</translation>
    </message>
    <message>
        <source>every role it goes to ({count})</source>
        <translation>setiap peran yang dituju ({count})</translation>
    </message>
    <message>
        <source>From: {sender}</source>
        <translation>Dari: {sender}</translation>
    </message>
    <message>
        <source>Trigger: {when}</source>
        <translation>Pemicu: {when}</translation>
    </message>
    <message>
        <source>Every role not yet reached ({count})</source>
        <translation>Setiap peran yang belum menerimanya ({count})</translation>
    </message>
    <message>
        <source>&lt;i&gt;This case has no injects.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Kasus ini tidak memiliki inject.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>To: {roles}</source>
        <translation>Kepada: {roles}</translation>
    </message>
    <message>
        <source>Expected action:</source>
        <translation>Tindakan yang diharapkan:</translation>
    </message>
    <message>
        <source>Controllers only:</source>
        <translation>Khusus pengendali latihan:</translation>
    </message>
</context>
<context>
    <name>InstitutionDialog</name>
    <message>
        <source>Issuing institution</source>
        <translation>Lembaga penerbit</translation>
    </message>
    <message>
        <source>empty: the institution signs as its authorised official</source>
        <translation>kosong: lembaga menandatangani sebagai pejabat yang berwenang</translation>
    </message>
    <message>
        <source>Choose the logo</source>
        <translation>Pilih logo</translation>
    </message>
    <message>
        <source>Remove the logo</source>
        <translation>Hapus logo</translation>
    </message>
    <message>
        <source>Choose the signature</source>
        <translation>Pilih tanda tangan</translation>
    </message>
    <message>
        <source>Remove the signature</source>
        <translation>Hapus tanda tangan</translation>
    </message>
    <message>
        <source>&amp;Name (English):</source>
        <translation>&amp;Nama (bahasa Inggris):</translation>
    </message>
    <message>
        <source>Name (&amp;Bahasa Indonesia):</source>
        <translation>Nama (&amp;Bahasa Indonesia):</translation>
    </message>
    <message>
        <source>&amp;Signatory:</source>
        <translation>&amp;Penanda tangan:</translation>
    </message>
    <message>
        <source>Signatory&apos;s &amp;title (English):</source>
        <translation>&amp;Jabatan penanda tangan (bahasa Inggris):</translation>
    </message>
    <message>
        <source>Signatory&apos;s t&amp;itle (Bahasa Indonesia):</source>
        <translation>Jaba&amp;tan penanda tangan (Bahasa Indonesia):</translation>
    </message>
    <message>
        <source>&amp;Legal basis:</source>
        <translation>&amp;Dasar hukum:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Logo:</translation>
    </message>
    <message>
        <source>Signature:</source>
        <translation>Tanda tangan:</translation>
    </message>
    <message>
        <source>Certificates issued from now on print these. Certificates already issued keep the institution they were issued with, on paper and when printed again.</source>
        <translation>Sertifikat yang diterbitkan mulai sekarang mencetak data ini. Sertifikat yang sudah diterbitkan tetap memuat lembaga saat diterbitkan, baik di kertas maupun saat dicetak ulang.</translation>
    </message>
    <message>
        <source>How a certificate will print the institution (a specimen)</source>
        <translation>Cara sertifikat akan mencetak lembaga (contoh)</translation>
    </message>
    <message>
        <source>Specimen: how a certificate will print it</source>
        <translation>Contoh: begini sertifikat akan mencetaknya</translation>
    </message>
    <message>
        <source>Sa&amp;ve</source>
        <translation>Si&amp;mpan</translation>
    </message>
    <message>
        <source>Pictures (*.png *.jpg *.jpeg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>IssueCohortDialog</name>
    <message>
        <source>Issue certificates for a cohort</source>
        <translation>Terbitkan sertifikat untuk satu angkatan</translation>
    </message>
    <message>
        <source>Cohort</source>
        <translation>Angkatan</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>%n anggota</numerusform>
        </translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kursus</translation>
    </message>
    <message>
        <source>Who will be issued a certificate</source>
        <translation>Siapa yang akan diterbitkan sertifikat</translation>
    </message>
    <message>
        <source>Every member who completed the course under its pass rule, and holds no certificate for it, gets one.</source>
        <translation>Setiap anggota yang telah menyelesaikan kursus menurut aturan kelulusannya, dan belum memegang sertifikatnya, mendapat satu.</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>&amp;Terbitkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>C&amp;ohort:</source>
        <translation>&amp;Angkatan:</translation>
    </message>
    <message>
        <source>Co&amp;urse:</source>
        <translation>&amp;Kursus:</translation>
    </message>
    <message>
        <source>Validity:</source>
        <translation>Masa berlaku:</translation>
    </message>
    <message>
        <source>This cohort takes no course yet: a trainer assigns one on the Cohorts page.</source>
        <translation>Angkatan ini belum mengikuti kursus apa pun: pelatih menetapkannya di halaman Angkatan.</translation>
    </message>
    <message>
        <source>Checking who completed the course…</source>
        <translation>Memeriksa siapa yang telah menyelesaikan kursus…</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) will be issued: {names}.</source>
        <translation>
            <numerusform>%n sertifikat akan diterbitkan: {names}.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody in this cohort can be issued this certificate now.</source>
        <translation>Saat ini tidak ada anggota angkatan ini yang dapat diterbitkan sertifikat ini.</translation>
    </message>
    <message>
        <source>Not issued:</source>
        <translation>Tidak diterbitkan:</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) issued: {names}.</source>
        <translation>
            <numerusform>%n sertifikat diterbitkan: {names}.</numerusform>
        </translation>
    </message>
    <message>
        <source>No certificate issued.</source>
        <translation>Tidak ada sertifikat yang diterbitkan.</translation>
    </message>
    <message>
        <source>Left out:</source>
        <translation>Tidak mendapat sertifikat:</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>IssuePersonDialog</name>
    <message>
        <source>Issue a certificate for one person</source>
        <translation>Terbitkan sertifikat untuk satu orang</translation>
    </message>
    <message>
        <source>Search by name, staff ID, username or unit</source>
        <translation>Cari menurut nama, NRP/NIP, nama pengguna atau satuan kerja</translation>
    </message>
    <message>
        <source>Search people</source>
        <translation>Cari orang</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>NRP/NIP</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Satuan</translation>
    </message>
    <message>
        <source>Cohorts</source>
        <translation>Angkatan</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Orang</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kursus</translation>
    </message>
    <message>
        <source>Whether the certificate can be issued</source>
        <translation>Apakah sertifikat dapat diterbitkan</translation>
    </message>
    <message>
        <source>&amp;Issue</source>
        <translation>&amp;Terbitkan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Fin&amp;d:</source>
        <translation>&amp;Cari:</translation>
    </message>
    <message>
        <source>Co&amp;urse:</source>
        <translation>&amp;Kursus:</translation>
    </message>
    <message>
        <source>Validity:</source>
        <translation>Masa berlaku:</translation>
    </message>
    <message>
        <source>Choose a person and one of their courses.</source>
        <translation>Pilih seseorang dan salah satu kursusnya.</translation>
    </message>
    <message>
        <source>Checking {name}&apos;s results…</source>
        <translation>Memeriksa hasil {name}…</translation>
    </message>
    <message>
        <source>Nobody can be issued a certificate yet: no cohort takes a course.</source>
        <translation>Belum ada yang dapat diberi sertifikat: belum ada angkatan yang mengikuti kursus.</translation>
    </message>
</context>
<context>
    <name>IssueWords</name>
    <message>
        <source>with the signature picture</source>
        <translation>dengan gambar tanda tangan</translation>
    </message>
    <message>
        <source>signed electronically: the page says so, and its QR code proves it</source>
        <translation>ditandatangani secara elektronik: halamannya menyatakan demikian, dan kode QR-nya membuktikannya</translation>
    </message>
    <message>
        <source>The course as &lt;b&gt;{title}&lt;/b&gt;.</source>
        <translation>Pelatihan disebut &lt;b&gt;{title}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Cases: {cases}.</source>
        <translation>Kasus: {cases}.</translation>
    </message>
    <message>
        <source>Signature line: {signatory} ({how}).</source>
        <translation>Baris tanda tangan: {signatory} ({how}).</translation>
    </message>
    <message>
        <source>No signatory is set: an administrator sets one in &lt;i&gt;Administration &gt; Issuing institution…&lt;/i&gt; (or with &lt;i&gt;tipcase certificate institution&lt;/i&gt;).</source>
        <translation>Belum ada penanda tangan: administrator menetapkannya di &lt;i&gt;Administrasi &gt; Lembaga penerbit…&lt;/i&gt; (atau dengan &lt;i&gt;tipcase certificate institution&lt;/i&gt;).</translation>
    </message>
    <message>
        <source>The course as &lt;b&gt;{title}&lt;/b&gt; (its title on certificates; in the app it is “{app_title}”).</source>
        <translation>Pelatihan disebut &lt;b&gt;{title}&lt;/b&gt; (judulnya pada sertifikat; di aplikasi disebut “{app_title}”).</translation>
    </message>
    <message>
        <source>{name} completed the course: the certificate can be issued.</source>
        <translation>{name} telah menyelesaikan kursus ini: sertifikatnya dapat diterbitkan.</translation>
    </message>
    <message>
        <source>{name} is not a member of a cohort that takes this course.</source>
        <translation>{name} bukan anggota angkatan yang mengikuti kursus ini.</translation>
    </message>
    <message>
        <source>{name} already holds certificate {serial} for this course (revoke it first to issue a new one).</source>
        <translation>{name} sudah memegang sertifikat {serial} untuk kursus ini (cabut dulu sertifikat itu untuk menerbitkan yang baru).</translation>
    </message>
    <message>
        <source>{name} has not completed this course yet: not every case has been played, and it asks a mean of {asked}.</source>
        <translation>{name} belum menyelesaikan kursus ini: belum semua kasus dimainkan, dan kursus ini mensyaratkan rata-rata {asked}.</translation>
    </message>
    <message>
        <source>{name} has not completed this course yet: a mean of {mean}, and it asks {asked}.</source>
        <translation>{name} belum menyelesaikan kursus ini: rata-ratanya {mean}, sedangkan yang disyaratkan {asked}.</translation>
    </message>
    <message>
        <source>{name} has not completed this course yet: its case is not passed.</source>
        <translation>{name} belum menyelesaikan kursus ini: kasusnya belum lulus.</translation>
    </message>
    <message>
        <source>{name} has not completed this course yet: {passed} of {total} cases passed, and it asks every case passed.</source>
        <translation>{name} belum menyelesaikan kursus ini: {passed} dari {total} kasus lulus, sedangkan semua kasus harus lulus.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>TIPCase</source>
        <translation>TIPCase</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;My courses</source>
        <translation>&amp;Kursus saya</translation>
    </message>
    <message>
        <source>&amp;Team exercises</source>
        <translation>Latihan &amp;tim</translation>
    </message>
    <message>
        <source>Sign &amp;out</source>
        <translation>Keluar &amp;akun</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <source>&amp;Certificates</source>
        <translation>&amp;Sertifikat</translation>
    </message>
    <message>
        <source>&amp;Register</source>
        <translation>&amp;Daftar sertifikat</translation>
    </message>
    <message>
        <source>&amp;Verify a certificate</source>
        <translation>&amp;Verifikasi sertifikat</translation>
    </message>
    <message>
        <source>&amp;Training</source>
        <translation>&amp;Pelatihan</translation>
    </message>
    <message>
        <source>&amp;Cohorts and analytics</source>
        <translation>&amp;Angkatan dan analitik</translation>
    </message>
    <message>
        <source>Scenario &amp;editor</source>
        <translation>&amp;Penyunting skenario</translation>
    </message>
    <message>
        <source>&amp;Import a Twine story or H5P scenario…</source>
        <translation>&amp;Impor cerita Twine atau skenario H5P…</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>T&amp;ampilan</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ba&amp;ntuan</translation>
    </message>
    <message>
        <source>&amp;About TIPCase</source>
        <translation>&amp;Tentang TIPCase</translation>
    </message>
    <message>
        <source>Signed in as {name} ({role})</source>
        <translation>Masuk sebagai {name} ({role})</translation>
    </message>
    <message>
        <source>trainee</source>
        <translation>peserta pelatihan</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>pelatih</translation>
    </message>
    <message>
        <source>registrar</source>
        <translation>petugas registrasi</translation>
    </message>
    <message>
        <source>administrator</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>About TIPCase</source>
        <translation>Tentang TIPCase</translation>
    </message>
    <message>
        <source>&lt;h3&gt;TIPCase {version}&lt;/h3&gt;&lt;p&gt;Simulated cases of trafficking in persons and gender-based violence on Indonesia&apos;s referral pathways, scored against good practice and the law (UU 21/2007, UU 12/2022, UU 23/2004).&lt;/p&gt;&lt;p&gt;All persons in the cases are fictional.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;TIPCase {version}&lt;/h3&gt;&lt;p&gt;Kasus simulasi tindak pidana perdagangan orang dan kekerasan berbasis gender pada jalur rujukan di Indonesia, dinilai berdasarkan praktik baik dan hukum (UU 21/2007, UU 12/2022, UU 23/2004).&lt;/p&gt;&lt;p&gt;Semua tokoh dalam kasus adalah fiktif.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Records unavailable</source>
        <translation>Catatan tidak tersedia</translation>
    </message>
    <message>
        <source>This account is locked after five failed sign-ins. Try again in 15 minutes, or ask an administrator.</source>
        <translation>Akun ini terkunci setelah lima kali gagal masuk. Coba lagi dalam 15 menit, atau hubungi administrator.</translation>
    </message>
    <message>
        <source>Wrong username or password.</source>
        <translation>Nama pengguna atau kata sandi salah.</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Tersimpan: {path}</translation>
    </message>
</context>
<context>
    <name>MapLegend</name>
    <message>
        <source>Your route</source>
        <translation>Rute Anda</translation>
    </message>
    <message>
        <source>Your trail</source>
        <translation>Jejak Anda</translation>
    </message>
    <message>
        <source>Where the roles have been</source>
        <translation>Jejak para peran</translation>
    </message>
    <message>
        <source>Best route</source>
        <translation>Rute terbaik</translation>
    </message>
    <message>
        <source>Best trail</source>
        <translation>Jejak terbaik</translation>
    </message>
    <message>
        <source>Yours and the best</source>
        <translation>Milik Anda sekaligus yang terbaik</translation>
    </message>
    <message>
        <source>Off-pathway referral</source>
        <translation>Rujukan di luar jalur</translation>
    </message>
    <message>
        <source>Critical choice</source>
        <translation>Pilihan kritis</translation>
    </message>
    <message>
        <source>Rule broken or critical error here</source>
        <translation>Aturan dilanggar atau kesalahan kritis di sini</translation>
    </message>
    <message>
        <source>You are here</source>
        <translation>Anda di sini</translation>
    </message>
    <message>
        <source>A role is here (named under the step)</source>
        <translation>Ada peran di sini (namanya di bawah langkah)</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Awal</translation>
    </message>
    <message>
        <source>End: success</source>
        <translation>Akhir: berhasil</translation>
    </message>
    <message>
        <source>End: partial success</source>
        <translation>Akhir: berhasil sebagian</translation>
    </message>
    <message>
        <source>End: failure</source>
        <translation>Akhir: gagal</translation>
    </message>
    <message>
        <source>Share of decisions at the stage: the wider, the more</source>
        <translation>Bagian keputusan di tahap itu: makin tebal, makin banyak</translation>
    </message>
    <message>
        <source>Choice not taken</source>
        <translation>Pilihan yang tidak diambil</translation>
    </message>
    <message>
        <source>Referral the pathway allows</source>
        <translation>Rujukan yang diizinkan jalur</translation>
    </message>
    <message>
        <source>Choice</source>
        <translation>Pilihan</translation>
    </message>
    <message>
        <source>Legend</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Hide the legend</source>
        <translation>Sembunyikan keterangan</translation>
    </message>
    <message>
        <source>Show the legend:</source>
        <translation>Tampilkan keterangan:</translation>
    </message>
</context>
<context>
    <name>MapPanel</name>
    <message>
        <source>Step by step (the map as a &amp;list)</source>
        <translation>Langkah demi langkah (peta sebagai &amp;daftar)</translation>
    </message>
    <message>
        <source>Step by step</source>
        <translation>Langkah demi langkah</translation>
    </message>
</context>
<context>
    <name>Maps</name>
    <message>
        <source>You are here.</source>
        <translation>Anda di sini.</translation>
    </message>
    <message>
        <source>On your trail, step {steps}.</source>
        <translation>Di jejak Anda, langkah {steps}.</translation>
    </message>
    <message>
        <source>On the best trail.</source>
        <translation>Di jejak terbaik.</translation>
    </message>
    <message>
        <source>Not on your trail.</source>
        <translation>Tidak di jejak Anda.</translation>
    </message>
    <message>
        <source>A pathway rule was broken here.</source>
        <translation>Aturan jalur rujukan dilanggar di sini.</translation>
    </message>
    <message>
        <source>Agency not named</source>
        <translation>Lembaga tidak disebut</translation>
    </message>
    <message>
        <source>Your trail so far</source>
        <translation>Jejak Anda sejauh ini</translation>
    </message>
    <message>
        <source>Your trail</source>
        <translation>Jejak Anda</translation>
    </message>
    <message>
        <source>The best trail</source>
        <translation>Jejak terbaik</translation>
    </message>
    <message>
        <source>case clock {hours} h</source>
        <translation>waktu kasus {hours} jam</translation>
    </message>
    <message>
        <source>after: {choice}</source>
        <translation>setelah: {choice}</translation>
    </message>
    <message>
        <source>where the case begins</source>
        <translation>tempat kasus dimulai</translation>
    </message>
    <message>
        <source>No step on the pathway yet.</source>
        <translation>Belum ada langkah di jalur rujukan.</translation>
    </message>
    <message>
        <source>On your route, step {steps}.</source>
        <translation>Di rute Anda, langkah {steps}.</translation>
    </message>
    <message>
        <source>On the best route.</source>
        <translation>Di rute terbaik.</translation>
    </message>
    <message>
        <source>Not on your route.</source>
        <translation>Tidak di rute Anda.</translation>
    </message>
    <message>
        <source>You chose: {choice} ({rating}).</source>
        <translation>Anda memilih: {choice} ({rating}).</translation>
    </message>
    <message>
        <source>A critical error here.</source>
        <translation>Kesalahan kritis di sini.</translation>
    </message>
    <message>
        <source>Your route</source>
        <translation>Rute Anda</translation>
    </message>
    <message>
        <source>The best route</source>
        <translation>Rute terbaik</translation>
    </message>
    <message>
        <source>chose: {choice} ({rating})</source>
        <translation>memilih: {choice} ({rating})</translation>
    </message>
    <message>
        <source>the end of the case</source>
        <translation>akhir kasus</translation>
    </message>
    <message>
        <source>Identification</source>
        <translation>Identifikasi</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Perlindungan</translation>
    </message>
    <message>
        <source>Investigation</source>
        <translation>Penyidikan</translation>
    </message>
    <message>
        <source>Prosecution</source>
        <translation>Penuntutan</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Pengadilan</translation>
    </message>
    <message>
        <source>Recovery</source>
        <translation>Pemulihan</translation>
    </message>
    <message>
        <source>Reintegration</source>
        <translation>Reintegrasi</translation>
    </message>
    <message>
        <source>Phase not named</source>
        <translation>Tahap tidak disebut</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>New account</source>
        <translation>Akun baru</translation>
    </message>
    <message>
        <source>lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>huruf kecil, angka, &apos;.&apos;, &apos;_&apos; atau &apos;-&apos;</translation>
    </message>
    <message>
        <source>as it will be printed on certificates</source>
        <translation>seperti yang akan dicetak pada sertifikat</translation>
    </message>
    <message>
        <source>&amp;Username:</source>
        <translation>&amp;Nama pengguna:</translation>
    </message>
    <message>
        <source>&amp;Full name:</source>
        <translation>Nama &amp;lengkap:</translation>
    </message>
    <message>
        <source>&amp;Role:</source>
        <translation>&amp;Peran:</translation>
    </message>
    <message>
        <source>Ran&amp;k:</source>
        <translation>Pang&amp;kat:</translation>
    </message>
    <message>
        <source>&amp;Staff ID (NRP/NIP):</source>
        <translation>N&amp;RP/NIP:</translation>
    </message>
    <message>
        <source>U&amp;nit:</source>
        <translation>&amp;Satuan:</translation>
    </message>
    <message>
        <source>&amp;Agency:</source>
        <translation>&amp;Instansi:</translation>
    </message>
    <message>
        <source>&amp;Create the account</source>
        <translation>&amp;Buat akun</translation>
    </message>
    <message>
        <source>A password is made for the account and shown once, for you to hand over.</source>
        <translation>Kata sandi dibuat untuk akun ini dan ditampilkan satu kali, untuk Anda serahkan.</translation>
    </message>
</context>
<context>
    <name>NewAccountsDialog</name>
    <message>
        <source>New accounts</source>
        <translation>Akun baru</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>New accounts and their first passwords</source>
        <translation>Akun baru dan kata sandi pertamanya</translation>
    </message>
    <message>
        <source>&amp;Save as CSV…</source>
        <translation>&amp;Simpan sebagai CSV…</translation>
    </message>
    <message>
        <source>Give each trainee their password; they can change it after signing in. It is not shown again.</source>
        <translation>Berikan kata sandi kepada setiap peserta; mereka dapat mengubahnya setelah masuk. Kata sandi ini tidak ditampilkan lagi.</translation>
    </message>
    <message>
        <source>Save the passwords</source>
        <translation>Simpan kata sandi</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>&amp;Publish a team case file…</source>
        <translation>&amp;Terbitkan berkas kasus tim…</translation>
    </message>
    <message>
        <source>Team &amp;case:</source>
        <translation>&amp;Kasus tim:</translation>
    </message>
    <message>
        <source>Session &amp;name:</source>
        <translation>&amp;Nama sesi:</translation>
    </message>
    <message>
        <source>&amp;Language of the session:</source>
        <translation>&amp;Bahasa sesi:</translation>
    </message>
    <message>
        <source>The language of the session&apos;s results, of the command line&apos;s lines for it and of its report</source>
        <translation>Bahasa hasil sesi, baris perintah untuk sesi ini, dan laporannya</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>New team exercise session</source>
        <translation>Sesi latihan tim baru</translation>
    </message>
    <message>
        <source>{title} (v{version}, {roles})</source>
        <translation>{title} (v{version}, {roles})</translation>
    </message>
    <message numerus="yes">
        <source>%n role(s)</source>
        <translation>
            <numerusform>%n peran</numerusform>
        </translation>
    </message>
    <message>
        <source>No team case is published yet: publish a team case file (tipcase-team: 1) to create a session.</source>
        <translation>Belum ada kasus tim yang diterbitkan: terbitkan berkas kasus tim (tipcase-team: 1) untuk membuat sesi.</translation>
    </message>
    <message>
        <source>Publish a team case file</source>
        <translation>Terbitkan berkas kasus tim</translation>
    </message>
    <message>
        <source>Team case files (*.yaml *.yml)</source>
        <translation>Berkas kasus tim (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>{file} published as version {version}.</source>
        <translation>{file} diterbitkan sebagai versi {version}.</translation>
    </message>
    <message>
        <source>{file} is already published as version {version}: nothing changed.</source>
        <translation>{file} sudah diterbitkan sebagai versi {version}: tidak ada yang berubah.</translation>
    </message>
    <message numerus="yes">
        <source>%n error(s) in {file}: it cannot be published. Correct the file, then publish it again.</source>
        <translation>
            <numerusform>%n kesalahan di {file}: berkas ini tidak dapat diterbitkan. Betulkan berkasnya, lalu terbitkan lagi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Line {line}, column {column}: {code} {what}</source>
        <translation>Baris {line}, kolom {column}: {code} {what}</translation>
    </message>
    <message>
        <source>hand-over “{id}”</source>
        <translation>serah terima “{id}”</translation>
    </message>
    <message>
        <source>inject “{id}”</source>
        <translation>inject “{id}”</translation>
    </message>
    <message>
        <source>{subject}: “{key}” names no role “{name}”; the case&apos;s roles are {roles}</source>
        <translation>{subject}: “{key}” menyebut peran yang tidak ada, “{name}”; peran dalam kasus ini: {roles}</translation>
    </message>
</context>
<context>
    <name>OtherRoles</name>
    <message>
        <source>Your other role, {role}: {standing}.</source>
        <translation>Peran Anda yang lain, {role}: {standing}.</translation>
    </message>
    <message>
        <source>S&amp;witch to {role}</source>
        <translation>Pi&amp;ndah ke {role}</translation>
    </message>
    <message>
        <source>Play your other role now; this one stays where it stands</source>
        <translation>Mainkan peran Anda yang lain sekarang; peran ini tetap di posisinya</translation>
    </message>
    <message>
        <source>A decision waits for you at your other role, {roles}.</source>
        <translation>Ada keputusan yang menunggu Anda di peran Anda yang lain, {roles}.</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>Export the register</source>
        <translation>Ekspor daftar sertifikat</translation>
    </message>
    <message>
        <source>Issued from</source>
        <translation>Diterbitkan dari</translation>
    </message>
    <message>
        <source>Issued to</source>
        <translation>Diterbitkan sampai</translation>
    </message>
    <message>
        <source>&amp;Choose a file…</source>
        <translation>&amp;Pilih berkas…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Issued &amp;from:</source>
        <translation>Diterbitkan &amp;dari:</translation>
    </message>
    <message>
        <source>Issued &amp;to:</source>
        <translation>Diterbitkan &amp;sampai:</translation>
    </message>
</context>
<context>
    <name>PictureField</name>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(tidak ada)</translation>
    </message>
</context>
<context>
    <name>PlayFromHereDialog</name>
    <message>
        <source>Play from {id}</source>
        <translation>Mainkan dari {id}</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <source>&amp;Back one choice</source>
        <translation>&amp;Mundur satu pilihan</translation>
    </message>
    <message>
        <source>&amp;Start again from {id}</source>
        <translation>&amp;Ulangi dari {id}</translation>
    </message>
    <message numerus="yes">
        <source>Reached by the shortest route from the start (%n choice(s)), so the variables and score are a trainee&apos;s.</source>
        <translation>
            <numerusform>Dicapai lewat rute terpendek dari awal (%n pilihan), sehingga variabel dan skornya sama dengan milik peserta.</numerusform>
        </translation>
    </message>
    <message>
        <source>This stage cannot be reached from the start: it is played with the case&apos;s starting variables.</source>
        <translation>Tahap ini tidak dapat dicapai dari awal: tahap dimainkan dengan nilai awal variabel kasus.</translation>
    </message>
    <message>
        <source>success</source>
        <translation>berhasil</translation>
    </message>
    <message>
        <source>partial</source>
        <translation>sebagian</translation>
    </message>
    <message>
        <source>failure</source>
        <translation>gagal</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>lulus</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>tidak lulus</translation>
    </message>
    <message>
        <source>The case ends here: {outcome}. Score {percent} ({verdict}).</source>
        <translation>Kasus berakhir di sini: {outcome}. Skor {percent} ({verdict}).</translation>
    </message>
    <message>
        <source>No choice is offered here: the case is stuck (a dead end).</source>
        <translation>Tidak ada pilihan yang ditawarkan di sini: kasus macet (jalan buntu).</translation>
    </message>
    <message>
        <source>Variables: {variables}. Case clock: {hours} h. Case file: {exhibits}.</source>
        <translation>Variabel: {variables}. Jam kasus: {hours} jam. Berkas kasus: {exhibits}.</translation>
    </message>
    <message>
        <source>Chosen:</source>
        <translation>Dipilih:</translation>
    </message>
</context>
<context>
    <name>PlayerPage</name>
    <message>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <source>What do you do? (keys 1-9)</source>
        <translation>Apa yang Anda lakukan? (tombol 1-9)</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Pilihan</translation>
    </message>
    <message>
        <source>Case file</source>
        <translation>Berkas perkara</translation>
    </message>
    <message>
        <source>Exhibit</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <source>Your trail on the referral pathway</source>
        <translation>Jejak Anda di jalur rujukan</translation>
    </message>
    <message>
        <source>Case file and pathway</source>
        <translation>Berkas kasus dan jalur rujukan</translation>
    </message>
    <message>
        <source>&amp;Pathway</source>
        <translation>&amp;Jalur rujukan</translation>
    </message>
    <message>
        <source>&amp;Back to my courses</source>
        <translation>&amp;Kembali ke kursus saya</translation>
    </message>
    <message>
        <source>C&amp;ontinue</source>
        <translation>&amp;Lanjutkan</translation>
    </message>
    <message>
        <source>See the &amp;debrief</source>
        <translation>Lihat &amp;evaluasi</translation>
    </message>
    <message>
        <source>End of the case</source>
        <translation>Akhir kasus</translation>
    </message>
    <message>
        <source>You play: {role}</source>
        <translation>Peran Anda: {role}</translation>
    </message>
    <message>
        <source>The end of the case</source>
        <translation>Akhir kasus</translation>
    </message>
    <message>
        <source>Case clock: {hours} h</source>
        <translation>Waktu kasus: {hours} jam</translation>
    </message>
    <message>
        <source>Content warning</source>
        <translation>Peringatan konten</translation>
    </message>
    <message>
        <source>The case begins when you continue. You can leave it at any time and resume it later where you stopped.</source>
        <translation>Kasus dimulai setelah Anda lanjut. Anda dapat meninggalkannya kapan saja dan melanjutkannya nanti dari titik terakhir.</translation>
    </message>
    <message>
        <source>You chose</source>
        <translation>Pilihan Anda</translation>
    </message>
    <message>
        <source>The debrief shows how each of your decisions was rated, what good practice asks and what the law says.</source>
        <translation>Evaluasi menunjukkan penilaian atas setiap keputusan Anda, apa yang dituntut praktik baik, dan apa kata undang-undang.</translation>
    </message>
    <message>
        <source>&lt;i&gt;Nothing in the case file yet.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Berkas perkara masih kosong.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>A sound recording; its transcript follows.</source>
        <translation>Rekaman suara; transkripnya berikut ini.</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Umpan balik</translation>
    </message>
    <message>
        <source>Cas&amp;e file</source>
        <translation>Berkas pe&amp;rkara</translation>
    </message>
    <message>
        <source>C&amp;ontinue to the case</source>
        <translation>&amp;Lanjut ke kasus</translation>
    </message>
    <message>
        <source>You are back where you left this case.</source>
        <translation>Anda kembali ke titik terakhir kasus ini.</translation>
    </message>
    <message>
        <source>This case moved on in another window, so your last choice was not recorded. Here is where it stands now.</source>
        <translation>Kasus ini sudah berlanjut di jendela lain, sehingga pilihan terakhir Anda tidak dicatat. Inilah posisi kasus sekarang.</translation>
    </message>
</context>
<context>
    <name>PressGuard</name>
    <message>
        <source>Your press was not recorded: the page had just changed. Read the stage, then choose.</source>
        <translation>Tombol yang Anda tekan tidak dicatat: halaman baru saja berganti. Baca tahapnya dulu, lalu pilih.</translation>
    </message>
    <message>
        <source>Your press was not recorded: {who} had just taken decision {step} for your role, and this is the stage it led to. Read it, then choose.</source>
        <translation>Tombol yang Anda tekan tidak dicatat: {who} baru saja mengambil keputusan {step} untuk peran Anda, dan inilah tahap yang dihasilkannya. Baca dulu, lalu pilih.</translation>
    </message>
    <message>
        <source>another trainee</source>
        <translation>peserta lain</translation>
    </message>
</context>
<context>
    <name>Provisions</name>
    <message>
        <source>Not in the register of provisions.</source>
        <translation>Tidak ada dalam daftar ketentuan.</translation>
    </message>
    <message>
        <source>No longer in force.</source>
        <translation>Sudah tidak berlaku.</translation>
    </message>
    <message>
        <source>Not confirmed against the law&apos;s text.</source>
        <translation>Belum dicocokkan dengan teks undang-undangnya.</translation>
    </message>
</context>
<context>
    <name>Rating</name>
    <message>
        <source>Good practice</source>
        <translation>Praktik baik</translation>
    </message>
    <message>
        <source>Acceptable</source>
        <translation>Cukup</translation>
    </message>
    <message>
        <source>Poor</source>
        <translation>Buruk</translation>
    </message>
    <message>
        <source>Critical error</source>
        <translation>Kesalahan kritis</translation>
    </message>
</context>
<context>
    <name>RegisterPage</name>
    <message>
        <source>Certificate register</source>
        <translation>Daftar sertifikat</translation>
    </message>
    <message>
        <source>Search by serial, code, name or staff ID</source>
        <translation>Cari berdasarkan nomor seri, kode, nama atau NRP/NIP</translation>
    </message>
    <message>
        <source>Search the register</source>
        <translation>Cari di daftar sertifikat</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Sertifikat</translation>
    </message>
    <message>
        <source>&amp;Issue for a cohort…</source>
        <translation>&amp;Terbitkan untuk satu angkatan…</translation>
    </message>
    <message>
        <source>&amp;Revoke…</source>
        <translation>&amp;Cabut…</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Ceta&amp;k…</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Simpan sebagai PD&amp;F…</translation>
    </message>
    <message>
        <source>Save as &amp;ZIP…</source>
        <translation>Simpan sebagai &amp;ZIP…</translation>
    </message>
    <message>
        <source>&amp;Export the register…</source>
        <translation>&amp;Ekspor daftar…</translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) issued.</source>
        <translation>
            <numerusform>%n sertifikat diterbitkan.</numerusform>
        </translation>
    </message>
    <message>
        <source>Revoke</source>
        <translation>Cabut</translation>
    </message>
    <message numerus="yes">
        <source>Preparing %n certificate(s)…</source>
        <translation>
            <numerusform>Menyiapkan %n sertifikat…</numerusform>
        </translation>
    </message>
    <message>
        <source>Saved {path}: the signed PDF itself, which verifies as genuine.</source>
        <translation>{path} disimpan: PDF bertanda tangan itu sendiri, yang terverifikasi asli.</translation>
    </message>
    <message numerus="yes">
        <source>%n page(s) sent to the printer: a paper copy, verified by its code or QR code.</source>
        <translation>
            <numerusform>%n halaman dikirim ke pencetak: salinan kertas, diverifikasi dengan kode atau kode QR-nya.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n certificate(s) exported.</source>
        <translation>
            <numerusform>%n sertifikat diekspor.</numerusform>
        </translation>
    </message>
    <message>
        <source>Issue for &amp;one person…</source>
        <translation>Terbitkan untuk satu &amp;orang…</translation>
    </message>
    <message>
        <source>Create the issuing &amp;key…</source>
        <translation>Buat k&amp;unci penerbitan…</translation>
    </message>
    <message>
        <source>Previe&amp;w</source>
        <translation>P&amp;ratinjau</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Tersimpan: {path}</translation>
    </message>
    <message>
        <source>{serial}, {name}: {status}</source>
        <translation>{serial}, {name}: {status}</translation>
    </message>
    <message>
        <source>&lt;b&gt;This workstation cannot issue certificates yet:&lt;/b&gt; it has no issuing key. Create it here; certificates it signs verify at once on this workstation, and elsewhere once they import its public key.</source>
        <translation>&lt;b&gt;Komputer ini belum dapat menerbitkan sertifikat:&lt;/b&gt; belum ada kunci penerbitan. Buat kuncinya di sini; sertifikat yang ditandatanganinya langsung dapat diverifikasi di komputer ini, dan di tempat lain setelah kunci publiknya diimpor.</translation>
    </message>
    <message>
        <source>&lt;b&gt;This workstation cannot issue certificates yet:&lt;/b&gt; it has no issuing key. Ask an administrator to sign in here and create it from this page.</source>
        <translation>&lt;b&gt;Komputer ini belum dapat menerbitkan sertifikat:&lt;/b&gt; belum ada kunci penerbitan. Mintalah administrator masuk di sini dan membuatnya dari halaman ini.</translation>
    </message>
    <message>
        <source>Create the issuing key</source>
        <translation>Buat kunci penerbitan</translation>
    </message>
    <message>
        <source>Create this workstation&apos;s issuing key? It signs every certificate issued here. It is kept in TIPCase&apos;s folder on this computer, readable by this account only: include it in backups (tipcase backup --include-keys).</source>
        <translation>Buat kunci penerbitan untuk komputer ini? Kunci ini menandatangani setiap sertifikat yang diterbitkan di sini. Kunci disimpan di folder TIPCase di komputer ini dan hanya dapat dibaca oleh akun ini: sertakan dalam cadangan (tipcase backup --include-keys).</translation>
    </message>
    <message>
        <source>Issuing key {id} created</source>
        <translation>Kunci penerbitan {id} telah dibuat</translation>
    </message>
    <message>
        <source>certificates</source>
        <comment>a file name: one word, no spaces</comment>
        <translation>sertifikat</translation>
    </message>
    <message>
        <source>No certificate issued.</source>
        <translation>Tidak ada sertifikat yang diterbitkan.</translation>
    </message>
    <message>
        <source>Not completed yet: {count}.</source>
        <translation>Belum selesai: {count}.</translation>
    </message>
    <message>
        <source>Already holding one: {count}.</source>
        <translation>Sudah memegang sertifikat: {count}.</translation>
    </message>
    <message>
        <source>Certificate {serial} issued (verification code {code}).</source>
        <translation>Sertifikat {serial} diterbitkan (kode verifikasi {code}).</translation>
    </message>
    <message>
        <source>Select the certificate to revoke in the register.</source>
        <translation>Pilih sertifikat yang akan dicabut di daftar.</translation>
    </message>
    <message numerus="yes">
        <source>Select one certificate to revoke: %n are selected.</source>
        <translation>
            <numerusform>Pilih satu sertifikat untuk dicabut: %n sedang dipilih.</numerusform>
        </translation>
    </message>
    <message>
        <source>Certificate {serial} is already revoked ({detail}).</source>
        <translation>Sertifikat {serial} sudah dicabut ({detail}).</translation>
    </message>
    <message>
        <source>Certificate {serial} revoked: {reason}</source>
        <translation>Sertifikat {serial} dicabut: {reason}</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Dibatalkan</translation>
    </message>
    <message>
        <source>ZIP archive (*.zip)</source>
        <translation>Arsip ZIP (*.zip)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save certificates</source>
        <translation>Simpan sertifikat</translation>
    </message>
    <message>
        <source>Export the register</source>
        <translation>Ekspor daftar sertifikat</translation>
    </message>
    <message>
        <source>register_{start}_{end}.xlsx</source>
        <comment>a file name: no spaces</comment>
        <translation>daftar-sertifikat_{start}_{end}.xlsx</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx);;CSV (*.csv);;PDF document (*.pdf)</source>
        <translation>Buku kerja Excel (*.xlsx);;CSV (*.csv);;Dokumen PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>RegisterReport</name>
    <message>
        <source>Serial</source>
        <translation>Nomor seri</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Kode verifikasi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Pangkat</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>NRP/NIP</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Satuan kerja</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kursus</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Diterbitkan</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Revoked on</source>
        <translation>Dicabut pada</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>valid</source>
        <translation>berlaku</translation>
    </message>
    <message>
        <source>expired</source>
        <translation>kedaluwarsa</translation>
    </message>
    <message>
        <source>revoked</source>
        <translation>dicabut</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>Daftar</translation>
    </message>
    <message>
        <source>{institution}: certificates issued {start} to {end}</source>
        <translation>{institution}: sertifikat yang diterbitkan {start} s.d. {end}</translation>
    </message>
</context>
<context>
    <name>RegisterTableModel</name>
    <message>
        <source>Revoked on {date}: {reason}</source>
        <translation>Dicabut pada {date}: {reason}</translation>
    </message>
    <message>
        <source>Expired on {date}</source>
        <translation>Kedaluwarsa pada {date}</translation>
    </message>
    <message>
        <source>Valid until {date}</source>
        <translation>Berlaku sampai {date}</translation>
    </message>
    <message>
        <source>Valid, with no expiry</source>
        <translation>Berlaku, tanpa batas waktu</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Nomor seri</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>NRP/NIP</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Kursus</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Diterbitkan</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Berlaku</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Kedaluwarsa</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Dicabut</translation>
    </message>
    <message>
        <source>No expiry</source>
        <translation>Tanpa batas waktu</translation>
    </message>
</context>
<context>
    <name>RevokeDialog</name>
    <message>
        <source>Revoke certificate {serial}</source>
        <translation>Cabut sertifikat {serial}</translation>
    </message>
    <message>
        <source>Revoke certificate &lt;b&gt;{serial}&lt;/b&gt; of &lt;b&gt;{name}&lt;/b&gt; for &lt;b&gt;{course}&lt;/b&gt;, issued {issued}?</source>
        <translation>Cabut sertifikat &lt;b&gt;{serial}&lt;/b&gt; milik &lt;b&gt;{name}&lt;/b&gt; untuk &lt;b&gt;{course}&lt;/b&gt;, diterbitkan {issued}?</translation>
    </message>
    <message>
        <source>&amp;Reason (recorded in the register and shown to whoever verifies it):</source>
        <translation>&amp;Alasan (dicatat dalam daftar dan ditampilkan kepada siapa pun yang memverifikasinya):</translation>
    </message>
    <message>
        <source>For example: issued to the wrong officer</source>
        <translation>Misalnya: diterbitkan untuk petugas yang salah</translation>
    </message>
    <message>
        <source>Reason for the revocation</source>
        <translation>Alasan pencabutan</translation>
    </message>
    <message>
        <source>I understand that a revocation &amp;cannot be undone: the certificate stays revoked.</source>
        <translation>Saya mengerti bahwa pencabutan &amp;tidak dapat dibatalkan: sertifikat tetap dicabut.</translation>
    </message>
    <message>
        <source>What is still needed</source>
        <translation>Yang masih diperlukan</translation>
    </message>
    <message>
        <source>Re&amp;voke</source>
        <translation>&amp;Cabut</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Type the reason to revoke the certificate.</source>
        <translation>Ketik alasannya untuk mencabut sertifikat.</translation>
    </message>
    <message>
        <source>Tick the box to confirm: a revocation cannot be undone.</source>
        <translation>Centang kotaknya untuk mengonfirmasi: pencabutan tidak dapat dibatalkan.</translation>
    </message>
</context>
<context>
    <name>RolesTable</name>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Trainees</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Posisi</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Kotak masuk</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>belum ada</translation>
    </message>
</context>
<context>
    <name>RosterDialog</name>
    <message>
        <source>Import a roster into {cohort}</source>
        <translation>Impor daftar peserta ke {cohort}</translation>
    </message>
    <message>
        <source>Into the cohort &lt;b&gt;{cohort}&lt;/b&gt;, from {file}</source>
        <translation>Ke angkatan &lt;b&gt;{cohort}&lt;/b&gt;, dari {file}</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Baris</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>NRP/NIP</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>What happens</source>
        <translation>Yang akan terjadi</translation>
    </message>
    <message>
        <source>Roster rows</source>
        <translation>Baris daftar peserta</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) ready to import;</source>
        <translation>
            <numerusform>%n baris siap diimpor;</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) with errors will be skipped.</source>
        <translation>
            <numerusform>%n baris bermasalah akan dilewati.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have a cell that starts like a spreadsheet formula (=, +, - or @): it is imported as text; check it.</source>
        <translation>
            <numerusform>%n baris memuat sel yang diawali seperti rumus lembar kerja (=, +, - atau @): sel itu diimpor sebagai teks; periksalah.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have a value that a formula in the workbook computed: check it is the value meant.</source>
        <translation>
            <numerusform>%n baris memuat nilai yang dihitung oleh rumus di buku kerja: periksa apakah nilai itu yang dimaksud.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) have the staff ID of an account with another name: check them, or the roster enrols that account.</source>
        <translation>
            <numerusform>%n baris memuat NRP/NIP akun yang namanya berbeda: periksa dahulu, karena daftar ini akan memasukkan akun tersebut.</numerusform>
        </translation>
    </message>
    <message>
        <source>Columns not imported: {columns}.</source>
        <translation>Kolom yang tidak diimpor: {columns}.</translation>
    </message>
    <message>
        <source>Nothing is imported until you press Import.</source>
        <translation>Tidak ada yang diimpor sampai Anda menekan Impor.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Correct the names of these %n account(s) to the roster&apos;s</source>
        <translation>
            <numerusform>&amp;Perbaiki nama %n akun ini sesuai daftar peserta</numerusform>
        </translation>
    </message>
    <message>
        <source>Each change is recorded in the audit log; certificates already issued keep the name they were issued with.</source>
        <translation>Setiap perubahan dicatat di log audit; sertifikat yang sudah diterbitkan tetap memuat nama saat diterbitkan.</translation>
    </message>
    <message numerus="yes">
        <source>&amp;Import %n row(s)</source>
        <translation>
            <numerusform>&amp;Impor %n baris</numerusform>
        </translation>
    </message>
    <message>
        <source>{column}: {what}</source>
        <translation>{column}: {what}</translation>
    </message>
    <message>
        <source>add the existing account {username}, renamed from {name}</source>
        <translation>tambahkan akun yang sudah ada {username}, namanya diganti dari {name}</translation>
    </message>
    <message>
        <source>{column} (column “{header}”): {what}</source>
        <translation>{column} (kolom “{header}”): {what}</translation>
    </message>
    <message>
        <source>check the staff ID: it is the account {username}, named {name}</source>
        <translation>periksa NRP/NIP: itu akun {username} atas nama {name}</translation>
    </message>
    <message>
        <source>add the existing account {username}</source>
        <translation>tambahkan akun yang sudah ada {username}</translation>
    </message>
    <message>
        <source>create the trainee account {username}</source>
        <translation>buat akun peserta {username}</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Pangkat</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Satuan kerja</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>looks like a formula: {columns}</source>
        <translation>tampak seperti rumus: {columns}</translation>
    </message>
    <message>
        <source>computed by a formula: {columns}</source>
        <translation>dihitung oleh rumus: {columns}</translation>
    </message>
</context>
<context>
    <name>SessionArchive</name>
    <message>
        <source>Session {name} archived: Show archived lists it.</source>
        <translation>Sesi {name} diarsipkan. Centang “Tampilkan yang diarsipkan” untuk melihatnya lagi.</translation>
    </message>
    <message>
        <source>Session {name} is listed again.</source>
        <translation>Sesi {name} tercantum lagi di daftar.</translation>
    </message>
    <message>
        <source>{status}, archived</source>
        <translation>{status}, diarsipkan</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <source>Training for handling trafficking and sexual-violence cases</source>
        <translation>Pelatihan penanganan perkara perdagangan orang dan kekerasan seksual</translation>
    </message>
    <message>
        <source>Sign in with the account your training centre gave you.</source>
        <translation>Masuk dengan akun yang diberikan pusat pelatihan Anda.</translation>
    </message>
    <message>
        <source>&amp;Username</source>
        <translation>Na&amp;ma pengguna</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>&amp;Kata sandi</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>Ba&amp;hasa</translation>
    </message>
    <message>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Kata sandi</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Bahasa</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Sign-in status</source>
        <translation>Status masuk</translation>
    </message>
    <message>
        <source>Opening the records…</source>
        <translation>Membuka catatan…</translation>
    </message>
    <message>
        <source>TIPCase {version}</source>
        <translation>TIPCase {version}</translation>
    </message>
    <message>
        <source>Type your username.</source>
        <translation>Ketik nama pengguna Anda.</translation>
    </message>
    <message>
        <source>Type your password.</source>
        <translation>Ketik kata sandi Anda.</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>Sedang masuk…</translation>
    </message>
</context>
<context>
    <name>StageForm</name>
    <message>
        <source>An end stage has no choices: delete its choices first.</source>
        <translation>Tahap akhir tidak memiliki pilihan: hapus dulu pilihannya.</translation>
    </message>
    <message>
        <source>Change stage {id}</source>
        <translation>Ubah tahap {id}</translation>
    </message>
    <message>
        <source>Apply to the stage</source>
        <translation>Terapkan pada tahap</translation>
    </message>
</context>
<context>
    <name>StationSide</name>
    <message>
        <source>Inbox</source>
        <translation>Kotak masuk</translation>
    </message>
    <message>
        <source>Nothing has arrived yet. Hand-overs from the other agencies, events and the trainer&apos;s messages arrive here.</source>
        <translation>Belum ada yang masuk. Serah terima dari instansi lain, peristiwa, dan pesan pelatih akan masuk di sini.</translation>
    </message>
    <message>
        <source>Case file</source>
        <translation>Berkas perkara</translation>
    </message>
    <message>
        <source>Nothing in the case file yet. Exhibits are added as your stages reveal them and hand-overs bring them.</source>
        <translation>Berkas perkara masih kosong. Barang bukti ditambahkan saat tahap Anda mengungkapnya dan saat serah terima membawanya.</translation>
    </message>
    <message>
        <source>The team on the referral pathway</source>
        <translation>Tim di jalur rujukan</translation>
    </message>
    <message>
        <source>&amp;Inbox ({count})</source>
        <translation>&amp;Kotak masuk ({count})</translation>
    </message>
    <message>
        <source>Cas&amp;e file</source>
        <translation>Berkas pe&amp;rkara</translation>
    </message>
    <message>
        <source>&amp;Pathway</source>
        <translation>&amp;Jalur rujukan</translation>
    </message>
    <message>
        <source>&amp;Briefing</source>
        <translation>&amp;Pengarahan</translation>
    </message>
    <message>
        <source>Your role&apos;s decisions</source>
        <translation>Keputusan peran Anda</translation>
    </message>
    <message>
        <source>No decision yet. Each one your role takes is listed here, with who took it and when.</source>
        <translation>Belum ada keputusan. Setiap keputusan peran Anda dicantumkan di sini, dengan siapa yang mengambilnya dan kapan.</translation>
    </message>
    <message>
        <source>Deci&amp;sions ({count})</source>
        <translation>Ke&amp;putusan ({count})</translation>
    </message>
    <message>
        <source>Decision {step} · {time} · {who}: {number}) {choice}</source>
        <translation>Keputusan {step} · {time} · {who}: {number}) {choice}</translation>
    </message>
    <message>
        <source>Message from the trainer</source>
        <translation>Pesan dari pelatih</translation>
    </message>
    <message>
        <source>Hand-over</source>
        <translation>Serah terima</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Peristiwa</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Pesan</translation>
    </message>
    <message>
        <source>&lt;i&gt;Nothing has arrived yet.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Belum ada yang masuk.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>From {sender}, taken at {hours} on your case clock.</source>
        <translation>Dari {sender}, diterima pada {hours} waktu kasus Anda.</translation>
    </message>
    <message>
        <source>From {sender}, at {hours} on your case clock.</source>
        <translation>Dari {sender}, pada {hours} waktu kasus Anda.</translation>
    </message>
    <message>
        <source>At {hours} on your case clock.</source>
        <translation>Pada {hours} waktu kasus Anda.</translation>
    </message>
    <message>
        <source>From the trainer, at {hours} on your case clock.</source>
        <translation>Dari pelatih, pada {hours} waktu kasus Anda.</translation>
    </message>
    <message>
        <source>What the sender recorded</source>
        <translation>Yang dicatat pengirim</translation>
    </message>
    <message>
        <source>&lt;i&gt;Nothing in the case file yet.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Berkas perkara masih kosong.&lt;/i&gt;</translation>
    </message>
</context>
<context>
    <name>Status</name>
    <message>
        <source>Not started</source>
        <translation>Belum dimulai</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Sedang berjalan</translation>
    </message>
    <message>
        <source>Passed</source>
        <translation>Lulus</translation>
    </message>
    <message>
        <source>Not passed</source>
        <translation>Tidak lulus</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <source>Working</source>
        <translation>Sedang bekerja</translation>
    </message>
    <message>
        <source>Not connected to the records: the pages show what was last read</source>
        <translation>Tidak tersambung ke catatan: halaman menampilkan apa yang terakhir dibaca</translation>
    </message>
    <message>
        <source>Connected to the records again</source>
        <translation>Tersambung kembali ke catatan</translation>
    </message>
</context>
<context>
    <name>StructureEdits</name>
    <message>
        <source>Add stage {id}</source>
        <translation>Tambah tahap {id}</translation>
    </message>
    <message>
        <source>Duplicate {id}</source>
        <translation>Gandakan {id}</translation>
    </message>
    <message>
        <source>Add a choice to {id}</source>
        <translation>Tambah pilihan pada {id}</translation>
    </message>
    <message>
        <source>Move choice {n} of {id}</source>
        <translation>Pindahkan pilihan {n} dari {id}</translation>
    </message>
    <message>
        <source>stage {id} and every choice leading to it</source>
        <translation>tahap {id} dan semua pilihan yang menuju ke sana</translation>
    </message>
    <message>
        <source>choice {n} of {id}</source>
        <translation>pilihan {n} pada {id}</translation>
    </message>
    <message>
        <source>Delete {what}?</source>
        <translation>Hapus {what}?</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Delete {what}</source>
        <translation>Hapus {what}</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Ganti nama</translation>
    </message>
    <message>
        <source>New id for {id}:</source>
        <translation>Id baru untuk {id}:</translation>
    </message>
    <message>
        <source>Rename {old} to {new}</source>
        <translation>Ganti nama {old} menjadi {new}</translation>
    </message>
    <message>
        <source>Start at {id}</source>
        <translation>Mulai dari {id}</translation>
    </message>
    <message>
        <source>Move {id}</source>
        <translation>Pindahkan {id}</translation>
    </message>
    <message>
        <source>Move {n} stages</source>
        <translation>Pindahkan {n} tahap</translation>
    </message>
    <message>
        <source>Arrange automatically</source>
        <translation>Atur otomatis</translation>
    </message>
    <message>
        <source>Preparing the play from {id}…</source>
        <translation>Menyiapkan permainan dari {id}…</translation>
    </message>
    <message>
        <source>the checker restarted before it had the case; press F5 again</source>
        <translation>pemeriksa dimulai ulang sebelum menerima kasus; tekan F5 lagi</translation>
    </message>
    <message>
        <source>Play from here failed: {detail}</source>
        <translation>Mainkan dari sini gagal: {detail}</translation>
    </message>
    <message>
        <source>The play was not opened: another case is open now.</source>
        <translation>Permainan tidak dibuka: kasus lain sedang terbuka sekarang.</translation>
    </message>
    <message>
        <source>Play from here</source>
        <translation>Mainkan dari sini</translation>
    </message>
    <message>
        <source>The case has errors; fix them before playing it:
{detail}</source>
        <translation>Kasus ini masih memiliki kesalahan; perbaiki sebelum memainkannya:
{detail}</translation>
    </message>
</context>
<context>
    <name>TeamDebriefPage</name>
    <message>
        <source>&amp;Back to the sessions</source>
        <translation>&amp;Kembali ke daftar sesi</translation>
    </message>
    <message>
        <source>Drag to give the time line or the decisions more room</source>
        <translation>Seret untuk memberi garis waktu atau daftar keputusan lebih banyak ruang</translation>
    </message>
    <message>
        <source>Save the &amp;after-action report...</source>
        <translation>Simpan &amp;laporan evaluasi pasca-latihan...</translation>
    </message>
    <message>
        <source>The objectives, strengths and areas to improve, per role and for the team, as a PDF</source>
        <translation>Tujuan latihan, kekuatan dan hal yang perlu diperbaiki, per peran dan untuk tim, sebagai PDF</translation>
    </message>
    <message>
        <source>Clock</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <source>Trainee</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Penilaian</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
    <message>
        <source>Every decision, by role</source>
        <translation>Semua keputusan, per peran</translation>
    </message>
    <message>
        <source>Time line: a lane per role on its case clock</source>
        <translation>Linimasa: satu lajur per peran menurut waktu kasusnya</translation>
    </message>
    <message>
        <source>The decision&apos;s feedback and law</source>
        <translation>Umpan balik dan dasar hukum keputusan</translation>
    </message>
    <message>
        <source>&amp;Scores</source>
        <translation>&amp;Nilai</translation>
    </message>
    <message>
        <source>Strengths and a&amp;reas</source>
        <translation>Kekuatan dan pe&amp;rbaikan</translation>
    </message>
    <message>
        <source>&amp;Time line and decisions</source>
        <translation>Lini &amp;waktu dan keputusan</translation>
    </message>
    <message>
        <source>&amp;Pathway</source>
        <translation>&amp;Jalur rujukan</translation>
    </message>
    <message>
        <source>The objectives and each role&apos;s score</source>
        <translation>Tujuan latihan dan skor setiap peran</translation>
    </message>
    <message>
        <source>Strengths and areas to improve, for the team and each role</source>
        <translation>Kekuatan dan hal yang perlu diperbaiki, untuk tim dan setiap peran</translation>
    </message>
    <message>
        <source>The team on the referral pathway</source>
        <translation>Tim di jalur rujukan</translation>
    </message>
    <message>
        <source>Save the after-action report</source>
        <translation>Simpan laporan evaluasi pasca-latihan</translation>
    </message>
    <message>
        <source>{name}-after-action.pdf</source>
        <translation>{name}-laporan-pascalatihan.pdf</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>Tersimpan: {path}</translation>
    </message>
    <message>
        <source>The team passed</source>
        <translation>Tim lulus</translation>
    </message>
    <message>
        <source>The team did not pass</source>
        <translation>Tim tidak lulus</translation>
    </message>
    <message>
        <source>So far</source>
        <translation>Sejauh ini</translation>
    </message>
    <message>
        <source>Joint debrief</source>
        <translation>Evaluasi bersama</translation>
    </message>
    <message>
        <source>{percent} of the best joint route (pass mark {mark}). Session {status}.</source>
        <translation>{percent} dari rute bersama terbaik (batas lulus {mark}). Sesi {status}.</translation>
    </message>
    <message>
        <source>{percent} of the best joint route (pass mark {mark}). Session {status}: the verdict comes when it ends.</source>
        <translation>{percent} dari rute bersama terbaik (batas lulus {mark}). Sesi {status}: hasil akhirnya diketahui saat sesi berakhir.</translation>
    </message>
    <message numerus="yes">
        <source>Areas to improve (%n)</source>
        <translation>
            <numerusform>Hal yang perlu diperbaiki (%n)</numerusform>
        </translation>
    </message>
    <message>
        <source>{role}, decision {step}, stage “{stage}”</source>
        <translation>{role}, keputusan {step}, tahap “{stage}”</translation>
    </message>
    <message>
        <source>{who} chose “{choice}”, done at {hours} on the role&apos;s clock (chosen at {start}).</source>
        <translation>{who} memilih “{choice}”, selesai pada {hours} waktu peran (dipilih pada {start}).</translation>
    </message>
    <message>
        <source>reached its end</source>
        <translation>sampai di akhir</translation>
    </message>
    <message>
        <source>not at its end</source>
        <translation>belum sampai di akhir</translation>
    </message>
    <message>
        <source>met so far</source>
        <translation>tercapai sejauh ini</translation>
    </message>
    <message>
        <source>not met yet</source>
        <translation>belum tercapai</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <source>The team</source>
        <translation>Tim</translation>
    </message>
    <message>
        <source>Strengths</source>
        <translation>Kekuatan</translation>
    </message>
    <message>
        <source>Areas to improve</source>
        <translation>Hal yang perlu diperbaiki</translation>
    </message>
    <message>
        <source>{role}, decision {step} ({start}–{end}): {choice} — {rating}</source>
        <translation>{role}, keputusan {step} ({start}–{end}): {choice} — {rating}</translation>
    </message>
    <message>
        <source>Event “{title}” at {hours}</source>
        <translation>Peristiwa “{title}” pada {hours}</translation>
    </message>
    <message>
        <source>Message from the trainer after the role&apos;s end: {text}</source>
        <translation>Pesan dari pelatih setelah peran sampai di akhir: {text}</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>lengkap</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>tidak lengkap</translation>
    </message>
    <message>
        <source>never taken</source>
        <translation>tidak pernah diterima</translation>
    </message>
    <message>
        <source>Hand-over “{title}” from {sender} at {sent} to {receiver} at {taken} ({status})</source>
        <translation>Serah terima “{title}” dari {sender} pada {sent} kepada {receiver} pada {taken} ({status})</translation>
    </message>
    <message>
        <source>Message from the trainer: {text}</source>
        <translation>Pesan dari pelatih: {text}</translation>
    </message>
    <message>
        <source>&lt;i&gt;No decision has been taken yet.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Belum ada keputusan yang diambil.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Seseorang</translation>
    </message>
    <message>
        <source>Critical:</source>
        <translation>Kritis:</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>lulus</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>tidak lulus</translation>
    </message>
    <message>
        <source>Objectives</source>
        <translation>Tujuan latihan</translation>
    </message>
    <message>
        <source>met</source>
        <translation>tercapai</translation>
    </message>
    <message>
        <source>not met</source>
        <translation>tidak tercapai</translation>
    </message>
    <message>
        <source>Each role</source>
        <translation>Setiap peran</translation>
    </message>
    <message>
        <source>The team, by competency</source>
        <translation>Tim, per kompetensi</translation>
    </message>
</context>
<context>
    <name>TeamMap</name>
    <message>
        <source>Here now: {role} ({status}).</source>
        <translation>Sekarang di sini: {role} ({status}).</translation>
    </message>
    <message>
        <source>Passed by: {roles}.</source>
        <translation>Sudah dilalui: {roles}.</translation>
    </message>
    <message>
        <source>No step on the pathway yet.</source>
        <translation>Belum ada langkah di jalur rujukan.</translation>
    </message>
    <message>
        <source>Reached its end at {hours} on its case clock</source>
        <translation>Sampai di akhir pada {hours} waktu kasusnya</translation>
    </message>
    <message>
        <source>At {hours} on its case clock</source>
        <translation>Pada {hours} waktu kasusnya</translation>
    </message>
</context>
<context>
    <name>TeamRejoin</name>
    <message>
        <source>at its end</source>
        <translation>sudah selesai</translation>
    </message>
    <message>
        <source>paused by the trainer</source>
        <translation>dijeda oleh pelatih</translation>
    </message>
    <message>
        <source>not started yet</source>
        <translation>belum dimulai</translation>
    </message>
    <message>
        <source>the session has ended</source>
        <translation>sesi sudah berakhir</translation>
    </message>
    <message>
        <source>a decision waits for you</source>
        <translation>keputusan menunggu Anda</translation>
    </message>
    <message>
        <source>waiting for a hand-over</source>
        <translation>menunggu serah terima</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <source>Which role do you play now?</source>
        <translation>Peran mana yang Anda mainkan sekarang?</translation>
    </message>
    <message>
        <source>Your team exercise &lt;b&gt;{session}&lt;/b&gt; is paused: you play {roles}.</source>
        <translation>Latihan tim Anda &lt;b&gt;{session}&lt;/b&gt; sedang dijeda: Anda berperan sebagai {roles}.</translation>
    </message>
    <message>
        <source>Your team exercise &lt;b&gt;{session}&lt;/b&gt; is running: you play {roles}.</source>
        <translation>Latihan tim Anda &lt;b&gt;{session}&lt;/b&gt; sedang berjalan: Anda berperan sebagai {roles}.</translation>
    </message>
    <message>
        <source>Press Enter to rejoin where your role stands: nothing of it was lost.</source>
        <translation>Tekan Enter untuk kembali ke posisi peran Anda: tidak ada yang hilang.</translation>
    </message>
    <message>
        <source>Your team exercises also hold {sessions}, still to be played.</source>
        <translation>Di Latihan tim Anda masih ada juga {sessions} yang belum selesai dimainkan.</translation>
    </message>
    <message>
        <source>Re&amp;join my role</source>
        <translation>Masuk la&amp;gi ke peran saya</translation>
    </message>
    <message>
        <source>Back to your role&apos;s workstation in {session}</source>
        <translation>Kembali ke komputer peran Anda di {session}</translation>
    </message>
</context>
<context>
    <name>TraineesPanel</name>
    <message>
        <source>&amp;Assign to the role</source>
        <translation>&amp;Tugaskan ke peran ini</translation>
    </message>
    <message>
        <source>Trainee:</source>
        <translation>Peserta:</translation>
    </message>
    <message>
        <source>Rem&amp;ove from the role</source>
        <translation>Hapus &amp;dari peran ini</translation>
    </message>
    <message>
        <source>Who plays the role</source>
        <translation>Siapa memainkan peran ini</translation>
    </message>
    <message>
        <source>Choose a role in the list above, then assign trainees to it. Several trainees may share a role. Every role needs someone before the session starts. ● at the workstation, ◐ signed in elsewhere, ○ not signed in.</source>
        <translation>Pilih peran di daftar atas, lalu tugaskan peserta ke peran itu. Satu peran boleh dimainkan beberapa peserta bersama. Setiap peran harus punya peserta sebelum sesi dimulai. ● di komputer perannya, ◐ sudah masuk di tempat lain, ○ belum masuk.</translation>
    </message>
    <message>
        <source>The session has ended: who played which role is part of its record.</source>
        <translation>Sesi sudah berakhir: siapa memainkan peran apa kini menjadi bagian dari catatannya.</translation>
    </message>
    <message>
        <source>Trainees can still be added to a role while the session runs; they join where the role stands. ● at the workstation, ◐ signed in elsewhere, ○ not signed in.</source>
        <translation>Peserta masih bisa ditambahkan ke suatu peran selama sesi berjalan; mereka bergabung di posisi peran itu saat ini. ● di komputer perannya, ◐ sudah masuk di tempat lain, ○ belum masuk.</translation>
    </message>
    <message>
        <source>Who plays {role}:</source>
        <translation>Yang memainkan {role}:</translation>
    </message>
    <message>
        <source>nobody yet</source>
        <translation>belum ada</translation>
    </message>
    <message>
        <source>{person} is from {agency}, the agency of a “{profession}”. Assign them to the role “{title}” all the same?</source>
        <translation>{person} berasal dari {agency}, instansi “{profession}”. Tetap tugaskan ke peran “{title}”?</translation>
    </message>
    <message>
        <source>{person} is from {agency}, the agency of a “{profession}”.</source>
        <translation>{person} berasal dari {agency}, instansi “{profession}”.</translation>
    </message>
    <message>
        <source>{person} already plays {roles} in this session: one person on two roles plays one at a time, switching at the workstation.</source>
        <translation>{person} sudah memainkan {roles} dalam sesi ini: satu orang di dua peran memainkannya bergantian, berpindah di komputernya.</translation>
    </message>
    <message>
        <source>Assign them to the role “{title}” too?</source>
        <translation>Tugaskan juga ke peran “{title}”?</translation>
    </message>
    <message>
        <source>A second role</source>
        <translation>Peran kedua</translation>
    </message>
    <message>
        <source>Another agency&apos;s trainee</source>
        <translation>Peserta dari instansi lain</translation>
    </message>
    <message>
        <source>Agency: not recorded</source>
        <translation>Instansi: tidak tercatat</translation>
    </message>
    <message>
        <source>Agency: {agency}</source>
        <translation>Instansi: {agency}</translation>
    </message>
    <message>
        <source>Agency: {agency} ({profession})</source>
        <translation>Instansi: {agency} ({profession})</translation>
    </message>
    <message>
        <source>Agency: {agency} ({profession}): not this role&apos;s agency</source>
        <translation>Instansi: {agency} ({profession}): bukan instansi peran ini</translation>
    </message>
    <message>
        <source>{person} removed from the role.</source>
        <translation>{person} dihapus dari peran ini.</translation>
    </message>
    <message>
        <source>{person} was not on the role.</source>
        <translation>{person} memang tidak ada di peran ini.</translation>
    </message>
    <message>
        <source>{person} assigned to the role.</source>
        <translation>{person} ditugaskan ke peran ini.</translation>
    </message>
    <message>
        <source>{person} is already on the role.</source>
        <translation>{person} sudah ada di peran ini.</translation>
    </message>
</context>
<context>
    <name>TwineImportDialog</name>
    <message>
        <source>Import a Twine story or an H5P scenario</source>
        <translation>Impor cerita Twine atau skenario H5P</translation>
    </message>
    <message>
        <source>Twine and H5P (*.twee *.tw *.txt *.html *.htm *.h5p *.json);;Twine stories (*.twee *.tw *.txt *.html *.htm);;H5P Branching Scenario (*.h5p *.json);;All files (*)</source>
        <translation>Twine dan H5P (*.twee *.tw *.txt *.html *.htm *.h5p *.json);;Cerita Twine (*.twee *.tw *.txt *.html *.htm);;H5P Branching Scenario (*.h5p *.json);;Semua berkas (*)</translation>
    </message>
    <message>
        <source>Imported from {name}</source>
        <translation>Diimpor dari {name}</translation>
    </message>
    <message numerus="yes">
        <source>%n H5P item(s)</source>
        <translation>
            <numerusform>%n item H5P</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n passage(s)</source>
        <translation>
            <numerusform>%n bagian</numerusform>
        </translation>
    </message>
    <message>
        <source>{source} became {stages} and {choices}.</source>
        <translation>{source} menjadi {stages} dan {choices}.</translation>
    </message>
    <message numerus="yes">
        <source>%n stage(s)</source>
        <translation>
            <numerusform>%n tahap</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n choice(s)</source>
        <translation>
            <numerusform>%n pilihan</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The validator still finds %n error(s): {first}</source>
        <translation>
            <numerusform>Validator masih menemukan %n kesalahan: {first}</numerusform>
        </translation>
    </message>
    <message>
        <source>The case validates with no error.</source>
        <translation>Kasus ini lolos validasi tanpa kesalahan.</translation>
    </message>
    <message>
        <source>Save it, then add scores, feedback, the pathway and the second language before publishing.</source>
        <translation>Simpan, lalu tambahkan skor, umpan balik, jalur rujukan, dan bahasa kedua sebelum diterbitkan.</translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s): what was changed or left out</source>
        <translation>
            <numerusform>%n peringatan: apa yang diubah atau ditinggalkan</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing was left out.</source>
        <translation>Tidak ada yang ditinggalkan.</translation>
    </message>
    <message>
        <source>Import warnings</source>
        <translation>Peringatan impor</translation>
    </message>
    <message>
        <source>&amp;Save the scenario…</source>
        <translation>&amp;Simpan skenario…</translation>
    </message>
    <message>
        <source>warning: {message}</source>
        <translation>peringatan: {message}</translation>
    </message>
    <message>
        <source>This import is nearly empty: only {stages} of the story&apos;s {passages}. From its start passage, &apos;{start}&apos;, no link the importer can follow leads on, so the other passages were left out. Check in Twine which passage the story starts at and how it links on (links made by macros or story-format code cannot be followed; the warnings below name them).</source>
        <translation>Hasil impor ini nyaris kosong: hanya {stages} dari {passages} cerita. Dari bagian awalnya, &apos;{start}&apos;, tidak ada tautan yang dapat diikuti pengimpor, sehingga bagian lainnya ditinggalkan. Periksa di Twine bagian mana yang menjadi awal cerita dan bagaimana tautannya berlanjut (tautan yang dibuat oleh makro atau kode format cerita tidak dapat diikuti; peringatan di bawah menyebutkannya).</translation>
    </message>
    <message>
        <source>Save the scenario</source>
        <translation>Simpan skenario</translation>
    </message>
    <message>
        <source>Scenario (*.yaml)</source>
        <translation>Skenario (*.yaml)</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>&amp;Undo</source>
        <translation>Urungka&amp;n</translation>
    </message>
    <message>
        <source>List session {name} again</source>
        <translation>Cantumkan lagi sesi {name}</translation>
    </message>
    <message>
        <source>Archive session {name} again</source>
        <translation>Arsipkan lagi sesi {name}</translation>
    </message>
</context>
<context>
    <name>VerifyPage</name>
    <message>
        <source>Verify a certificate</source>
        <translation>Verifikasi sertifikat</translation>
    </message>
    <message>
        <source>Type the verification code printed on the certificate, paste the text of its QR code, or open its PDF. Then compare the signed fields listed below with the paper.</source>
        <translation>Ketik kode verifikasi yang tercetak pada sertifikat, tempel teks kode QR-nya, atau buka PDF-nya. Lalu cocokkan isian bertanda tangan di bawah ini dengan kertasnya.</translation>
    </message>
    <message>
        <source>Verification code or QR text</source>
        <translation>Kode verifikasi atau teks QR</translation>
    </message>
    <message>
        <source>&amp;Open PDF…</source>
        <translation>B&amp;uka PDF…</translation>
    </message>
    <message>
        <source>Verification result</source>
        <translation>Hasil verifikasi</translation>
    </message>
    <message>
        <source>Type the verification code printed on the certificate or paste its QR text first, or open its PDF.</source>
        <translation>Ketik kode verifikasi yang tercetak pada sertifikat atau tempelkan teks kode QR-nya terlebih dahulu, atau buka PDF-nya.</translation>
    </message>
    <message>
        <source>Open a certificate</source>
        <translation>Buka sertifikat</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Dokumen PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Verifying…</source>
        <translation>Memverifikasi…</translation>
    </message>
    <message>
        <source>Comparing each page with its signed data…</source>
        <translation>Membandingkan setiap halaman dengan data bertanda tangannya…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Valid and in this register</source>
        <translation>Sah dan tercatat dalam daftar ini</translation>
    </message>
    <message>
        <source>Valid, issued by a trusted institution, not in this register</source>
        <translation>Sah, diterbitkan lembaga tepercaya, tidak tercatat dalam daftar ini</translation>
    </message>
    <message>
        <source>Altered</source>
        <translation>Diubah</translation>
    </message>
    <message>
        <source>Unknown code or untrusted key</source>
        <translation>Kode tidak dikenal atau kunci tidak tepercaya</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Tidak dapat dibaca</translation>
    </message>
    <message>
        <source>The signature is valid; the certificate is in this register and not revoked.</source>
        <translation>Tanda tangan sah; sertifikat tercatat dalam daftar ini dan tidak dicabut.</translation>
    </message>
    <message>
        <source>The signature is valid (key %1, %2), but the certificate is not in this register, so a revocation by its issuer cannot be seen here.</source>
        <translation>Tanda tangan sah (kunci %1, %2), tetapi sertifikat tidak tercatat dalam daftar ini, sehingga pencabutan oleh penerbitnya tidak terlihat di sini.</translation>
    </message>
    <message>
        <source>The signature is valid (key %1, %2), but this register holds another certificate under that serial: it was issued elsewhere, so a revocation by its issuer cannot be seen here.</source>
        <translation>Tanda tangan sah (kunci %1, %2), tetapi daftar ini mencatat sertifikat lain dengan nomor seri tersebut: sertifikat ini diterbitkan di tempat lain, sehingga pencabutan oleh penerbitnya tidak terlihat di sini.</translation>
    </message>
    <message>
        <source>The signature is valid (key %1, %2). Offline: the register was not consulted, so a revocation cannot be seen.</source>
        <translation>Tanda tangan sah (kunci %1, %2). Luring: daftar tidak diperiksa, sehingga pencabutan tidak terlihat.</translation>
    </message>
    <message>
        <source>Revoked on %3: %4</source>
        <translation>Dicabut pada %3: %4</translation>
    </message>
    <message>
        <source>The signature is valid, but the certificate expired on %5.</source>
        <translation>Tanda tangan sah, tetapi sertifikat telah kedaluwarsa pada %5.</translation>
    </message>
    <message>
        <source>The signed data does not match its signature: it was changed after signing.</source>
        <translation>Data bertanda tangan tidak cocok dengan tanda tangannya: data diubah setelah ditandatangani.</translation>
    </message>
    <message>
        <source>This register&apos;s record of the certificate does not match its signature: the register was edited.</source>
        <translation>Catatan sertifikat dalam daftar ini tidak cocok dengan tanda tangannya: daftar telah diubah.</translation>
    </message>
    <message>
        <source>The page carries more than one certificate code.</source>
        <translation>Halaman memuat lebih dari satu kode sertifikat.</translation>
    </message>
    <message>
        <source>The page carries more than one page record.</source>
        <translation>Halaman memuat lebih dari satu catatan halaman.</translation>
    </message>
    <message>
        <source>The page record is not signed with the certificate&apos;s key.</source>
        <translation>Catatan halaman tidak ditandatangani dengan kunci sertifikat.</translation>
    </message>
    <message>
        <source>The page record belongs to another certificate.</source>
        <translation>Catatan halaman milik sertifikat lain.</translation>
    </message>
    <message>
        <source>What the page shows differs from what the signed data prints:</source>
        <translation>Isi halaman berbeda dari yang dicetak oleh data bertanda tangan:</translation>
    </message>
    <message>
        <source>The file carries what a viewer would show or do besides drawing the page (a script, a form, an attached file, a layer):</source>
        <translation>Berkas ini memuat hal yang akan ditampilkan atau dijalankan penampil selain menggambar halamannya (skrip, formulir, berkas lampiran, lapisan):</translation>
    </message>
    <message>
        <source>Signed with key %1, which this workstation does not trust. An administrator can import the issuer&apos;s public key.</source>
        <translation>Ditandatangani dengan kunci %1, yang tidak dipercaya komputer ini. Administrator dapat mengimpor kunci publik penerbit.</translation>
    </message>
    <message>
        <source>Signed with key %1, which this workstation trusts for the certificates of %6 only, but this certificate names %2: the key&apos;s holder signed it in another institution&apos;s name.</source>
        <translation>Ditandatangani dengan kunci %1, yang dipercaya komputer ini hanya untuk sertifikat %6, tetapi sertifikat ini menyebut %2: pemegang kunci menandatanganinya atas nama lembaga lain.</translation>
    </message>
    <message>
        <source>No certificate with this code is in this register.</source>
        <translation>Tidak ada sertifikat dengan kode ini dalam daftar ini.</translation>
    </message>
    <message>
        <source>A verification code can only be looked up in the register; open the PDF or paste the QR text instead.</source>
        <translation>Kode verifikasi hanya dapat dicari dalam daftar; buka PDF-nya atau tempel teks QR-nya.</translation>
    </message>
    <message>
        <source>The certificate code is damaged or incomplete.</source>
        <translation>Kode sertifikat rusak atau tidak lengkap.</translation>
    </message>
    <message>
        <source>The file is not a readable certificate PDF.</source>
        <translation>Berkas ini bukan PDF sertifikat yang dapat dibaca.</translation>
    </message>
    <message>
        <source>The page carries no certificate code.</source>
        <translation>Halaman tidak memuat kode sertifikat.</translation>
    </message>
    <message>
        <source>The page has no page record (printed before pages were compared, or removed), so its print cannot be checked. Reprint it from the register, or verify its code and compare the signed fields with the paper.</source>
        <translation>Halaman tidak memiliki catatan halaman (dicetak sebelum halaman dibandingkan, atau dihapus), sehingga cetakannya tidak dapat diperiksa. Cetak ulang dari daftar, atau verifikasi kodenya dan cocokkan isian bertanda tangan dengan kertasnya.</translation>
    </message>
    <message>
        <source>The page was printed by a newer version of TIPCase: update this one to check it.</source>
        <translation>Halaman dicetak oleh versi TIPCase yang lebih baru: perbarui versi ini untuk memeriksanya.</translation>
    </message>
    <message>
        <source>The register holds no signed data for this certificate.</source>
        <translation>Daftar tidak menyimpan data bertanda tangan untuk sertifikat ini.</translation>
    </message>
    <message>
        <source>Verification cancelled: the pages above were checked, the rest were not.</source>
        <translation>Verifikasi dibatalkan: halaman di atas sudah diperiksa, sisanya belum.</translation>
    </message>
    <message>
        <source>Page %1:</source>
        <translation>Halaman %1:</translation>
    </message>
    <message>
        <source>The page prints exactly the signed data.</source>
        <translation>Halaman mencetak persis data bertanda tangan.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>Pangkat</translation>
    </message>
    <message>
        <source>Staff ID</source>
        <translation>NRP/NIP</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Satuan kerja</translation>
    </message>
    <message>
        <source>Course</source>
        <translation>Pelatihan</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Kasus</translation>
    </message>
    <message>
        <source>Competencies heading</source>
        <translation>Judul kompetensi</translation>
    </message>
    <message>
        <source>Issued</source>
        <translation>Diterbitkan</translation>
    </message>
    <message>
        <source>Valid until</source>
        <translation>Berlaku sampai</translation>
    </message>
    <message>
        <source>Serial</source>
        <translation>Nomor seri</translation>
    </message>
    <message>
        <source>Verification code</source>
        <translation>Kode verifikasi</translation>
    </message>
    <message>
        <source>QR code</source>
        <translation>Kode QR</translation>
    </message>
    <message>
        <source>Signed data</source>
        <translation>Data bertanda tangan</translation>
    </message>
    <message>
        <source>Institution</source>
        <translation>Lembaga</translation>
    </message>
    <message>
        <source>Certificate title</source>
        <translation>Judul sertifikat</translation>
    </message>
    <message>
        <source>Certificate wording</source>
        <translation>Kalimat sertifikat</translation>
    </message>
    <message>
        <source>Signatory</source>
        <translation>Penanda tangan</translation>
    </message>
    <message>
        <source>Verification note</source>
        <translation>Catatan verifikasi</translation>
    </message>
    <message>
        <source>Legal basis</source>
        <translation>Dasar hukum</translation>
    </message>
    <message>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Signature picture</source>
        <translation>Gambar tanda tangan</translation>
    </message>
    <message>
        <source>Border</source>
        <translation>Bingkai</translation>
    </message>
    <message>
        <source>Page size, crop, rotation or annotations</source>
        <translation>Ukuran, potongan, rotasi, atau anotasi halaman</translation>
    </message>
    <message>
        <source>Outside the printed fields</source>
        <translation>Di luar isian yang dicetak</translation>
    </message>
    <message>
        <source>The file (besides its pages)</source>
        <translation>Berkas (selain halamannya)</translation>
    </message>
    <message>
        <source>text differs</source>
        <translation>teks berbeda</translation>
    </message>
    <message>
        <source>hidden text</source>
        <translation>teks tersembunyi</translation>
    </message>
    <message>
        <source>a shape added or removed</source>
        <translation>bentuk ditambahkan atau dihapus</translation>
    </message>
    <message>
        <source>a picture differs</source>
        <translation>gambar berbeda</translation>
    </message>
    <message>
        <source>looks different</source>
        <translation>tampilannya berbeda</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>diubah</translation>
    </message>
    <message>
        <source>put in a layer that a viewer may hide on screen or on paper</source>
        <translation>dimasukkan ke lapisan yang dapat disembunyikan penampil di layar atau di kertas</translation>
    </message>
    <message>
        <source>put in marked content</source>
        <translation>dimasukkan ke konten bertanda</translation>
    </message>
    <message>
        <source>JavaScript that a viewer runs</source>
        <translation>JavaScript yang dijalankan penampil</translation>
    </message>
    <message>
        <source>an action that a viewer performs when the file or a page opens</source>
        <translation>tindakan yang dijalankan penampil saat berkas atau halaman dibuka</translation>
    </message>
    <message>
        <source>a form (AcroForm or XFA) that a viewer may show instead of the page or over it</source>
        <translation>formulir (AcroForm atau XFA) yang dapat ditampilkan penampil sebagai ganti halaman atau di atasnya</translation>
    </message>
    <message>
        <source>an attached file or a portfolio that a viewer may open instead</source>
        <translation>berkas lampiran atau portofolio yang dapat dibuka penampil sebagai gantinya</translation>
    </message>
    <message>
        <source>optional content (a layer that a viewer may hide on screen or on paper)</source>
        <translation>konten opsional (lapisan yang dapat disembunyikan penampil di layar atau di kertas)</translation>
    </message>
    <message>
        <source>a picture that a printer prints instead of the one shown</source>
        <translation>gambar yang dicetak printer sebagai ganti gambar yang ditampilkan</translation>
    </message>
    <message>
        <source>a page scale (UserUnit) that prints the page at another size</source>
        <translation>skala halaman (UserUnit) yang mencetak halaman dalam ukuran lain</translation>
    </message>
    <message>
        <source>encryption (TIPCase never encrypts a certificate)</source>
        <translation>enkripsi (TIPCase tidak pernah mengenkripsi sertifikat)</translation>
    </message>
    <message>
        <source>sound, video or 3D content</source>
        <translation>konten suara, video, atau 3D</translation>
    </message>
    <message>
        <source>objects that cannot be read</source>
        <translation>objek yang tidak dapat dibaca</translation>
    </message>
    <message>
        <source>Percentage for %1</source>
        <translation>Persentase untuk %1</translation>
    </message>
    <message>
        <source>Competency title %1</source>
        <translation>Judul kompetensi %1</translation>
    </message>
    <message>
        <source>signed “%1”, on the page “%2”</source>
        <translation>ditandatangani “%1”, di halaman “%2”</translation>
    </message>
    <message>
        <source>(%1 mm from the left, %2 mm from the top)</source>
        <translation>(%1 mm dari kiri, %2 mm dari atas)</translation>
    </message>
    <message>
        <source>no expiry</source>
        <translation>tanpa batas waktu</translation>
    </message>
    <message>
        <source>Signing key</source>
        <translation>Kunci penanda tangan</translation>
    </message>
    <message>
        <source>What the certificate states (signed): the paper must show the same</source>
        <translation>Isi sertifikat (bertanda tangan): kertasnya harus memuat hal yang sama</translation>
    </message>
    <message>
        <source>The file as a whole: %1</source>
        <translation>Berkas secara keseluruhan: %1</translation>
    </message>
    <message>
        <source>%1 of its %2 pages are valid; each page is listed below.</source>
        <translation>%1 dari %2 halamannya sah; setiap halaman tercantum di bawah.</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>Dicabut</translation>
    </message>
    <message>
        <source>Ve&amp;rify</source>
        <translation>&amp;Verifikasi</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Kedaluwarsa</translation>
    </message>
</context>
<context>
    <name>WorkstationPage</name>
    <message>
        <source>&amp;Back to the sessions</source>
        <translation>&amp;Kembali ke daftar sesi</translation>
    </message>
    <message>
        <source>Begi&amp;n</source>
        <translation>&amp;Mulai</translation>
    </message>
    <message>
        <source>Choices</source>
        <translation>Pilihan</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <source>Status of your role</source>
        <translation>Status peran Anda</translation>
    </message>
    <message>
        <source>See the joint &amp;debrief</source>
        <translation>Lihat &amp;evaluasi bersama</translation>
    </message>
    <message>
        <source>{who} took decision {step} at {time}: {number}) {choice}</source>
        <translation>{who} mengambil keputusan {step} pukul {time}: {number}) {choice}</translation>
    </message>
    <message>
        <source>Someone</source>
        <translation>Seseorang</translation>
    </message>
    <message>
        <source>the hand-over “{title}” from {sender}</source>
        <translation>serah terima “{title}” dari {sender}</translation>
    </message>
    <message>
        <source>“{title}”</source>
        <translation>“{title}”</translation>
    </message>
    <message>
        <source>a message from the trainer</source>
        <translation>pesan dari pelatih</translation>
    </message>
    <message>
        <source>New in your inbox: {items}.</source>
        <translation>Baru di kotak masuk Anda: {items}.</translation>
    </message>
    <message>
        <source>The trainer has resumed the session: your choices are back.</source>
        <translation>Pelatih telah melanjutkan sesi: pilihan Anda kembali.</translation>
    </message>
    <message>
        <source>There is no choice {number} here: this stage has one choice, key 1.</source>
        <translation>Tidak ada pilihan {number} di sini: tahap ini punya satu pilihan, tombol 1.</translation>
    </message>
    <message>
        <source>There is no choice {number} here: the keys are 1 to {last}.</source>
        <translation>Tidak ada pilihan {number} di sini: tombolnya 1 sampai {last}.</translation>
    </message>
    <message>
        <source>You play: &lt;b&gt;{role}&lt;/b&gt; · session {name} ({status})</source>
        <translation>Peran Anda: &lt;b&gt;{role}&lt;/b&gt; · sesi {name} ({status})</translation>
    </message>
    <message>
        <source>Case clock: {hours} h</source>
        <translation>Waktu kasus: {hours} jam</translation>
    </message>
    <message>
        <source>The session ended before the hand-over arrived.</source>
        <translation>Sesi berakhir sebelum serah terima itu tiba.</translation>
    </message>
    <message>
        <source>The stage opens once the hand-over arrives.</source>
        <translation>Tahap ini terbuka begitu serah terima tiba.</translation>
    </message>
    <message>
        <source>Content warning</source>
        <translation>Peringatan konten</translation>
    </message>
    <message>
        <source>Your briefing</source>
        <translation>Pengarahan untuk Anda</translation>
    </message>
    <message>
        <source>The other agencies play at their own workstations. What they send you arrives in your inbox; when your role must wait for a hand-over, this page says so. Your decisions are rated in the joint debrief.</source>
        <translation>Instansi lain bermain di komputer masing-masing. Apa yang mereka kirim kepada Anda masuk ke kotak masuk; bila peran Anda harus menunggu serah terima, halaman ini memberitahukannya. Keputusan Anda dinilai dalam evaluasi bersama.</translation>
    </message>
    <message>
        <source>Waiting for the hand-over “{title}” from {sender}. Your choices appear here as soon as it arrives.</source>
        <translation>Menunggu serah terima “{title}” dari {sender}. Pilihan Anda muncul di sini begitu serah terima itu tiba.</translation>
    </message>
    <message>
        <source>The trainer has paused the session. You can read your inbox and case file; choices return when it resumes.</source>
        <translation>Pelatih menjeda sesi. Anda tetap bisa membaca kotak masuk dan berkas perkara; pilihan muncul lagi saat sesi dilanjutkan.</translation>
    </message>
    <message>
        <source>The session has not started yet. Read your briefing; your first stage opens when the trainer starts.</source>
        <translation>Sesi belum dimulai. Bacalah pengarahan Anda; tahap pertama terbuka saat pelatih memulai sesi.</translation>
    </message>
    <message>
        <source>Your role has reached its end: “{end}”.</source>
        <translation>Peran Anda sudah sampai di akhir: “{end}”.</translation>
    </message>
    <message>
        <source>Your role has reached its end.</source>
        <translation>Peran Anda sudah sampai di akhir.</translation>
    </message>
    <message>
        <source>The joint debrief opens when the trainer ends the session.</source>
        <translation>Evaluasi bersama terbuka saat pelatih mengakhiri sesi.</translation>
    </message>
    <message>
        <source>The trainer has ended the session before your role reached an end.</source>
        <translation>Pelatih mengakhiri sesi sebelum peran Anda sampai di akhir.</translation>
    </message>
    <message>
        <source>Waiting for a hand-over</source>
        <translation>Menunggu serah terima</translation>
    </message>
    <message>
        <source>What do you do? (keys 1-{last})</source>
        <translation>Apa yang Anda lakukan? (tombol 1-{last})</translation>
    </message>
    <message>
        <source>What do you do? (key 1)</source>
        <translation>Apa yang Anda lakukan? (tombol 1)</translation>
    </message>
    <message>
        <source>Decision {step} recorded.</source>
        <translation>Keputusan {step} tercatat.</translation>
    </message>
    <message>
        <source>The session is not running, so your choice was not recorded.</source>
        <translation>Sesi sedang tidak berjalan, jadi pilihan Anda tidak tercatat.</translation>
    </message>
</context>
<context>
    <name>core</name>
    <message>
        <source>no stage {id!r}</source>
        <translation>tidak ada tahap {id!r}</translation>
    </message>
    <message>
        <source>{file}: not a scenario file</source>
        <translation>{file}: bukan berkas skenario</translation>
    </message>
    <message>
        <source>exhibit id {id!r}: use lower-case letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>ID barang bukti {id!r}: gunakan huruf kecil, angka, &apos;_&apos; dan &apos;-&apos;</translation>
    </message>
    <message>
        <source>competency id {id!r}: use lower-case letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>ID kompetensi {id!r}: gunakan huruf kecil, angka, &apos;_&apos; dan &apos;-&apos;</translation>
    </message>
    <message>
        <source>stage id {id!r}: use lower-case letters, digits, &apos;_&apos; and &apos;-&apos;</source>
        <translation>ID tahap {id!r}: gunakan huruf kecil, angka, &apos;_&apos; dan &apos;-&apos;</translation>
    </message>
    <message>
        <source>a stage {id!r} already exists</source>
        <translation>tahap {id!r} sudah ada</translation>
    </message>
    <message>
        <source>the start stage cannot be deleted: make another stage the start first</source>
        <translation>tahap awal tidak dapat dihapus: jadikan tahap lain sebagai awal terlebih dahulu</translation>
    </message>
    <message>
        <source>{key!r} is not a case field</source>
        <translation>{key!r} bukan isian kasus</translation>
    </message>
    <message>
        <source>the case needs its {key}</source>
        <translation>kasus memerlukan {key}-nya</translation>
    </message>
    <message>
        <source>case id {id!r}: use lower-case letters, digits and &apos;-&apos;, starting with a letter or digit</source>
        <translation>ID kasus {id!r}: gunakan huruf kecil, angka dan &apos;-&apos;, diawali huruf atau angka</translation>
    </message>
    <message>
        <source>no exhibit {id!r}</source>
        <translation>tidak ada barang bukti {id!r}</translation>
    </message>
    <message>
        <source>an exhibit needs an id</source>
        <translation>barang bukti memerlukan ID</translation>
    </message>
    <message>
        <source>an exhibit {id!r} already exists</source>
        <translation>barang bukti {id!r} sudah ada</translation>
    </message>
    <message>
        <source>stage {id!r} has no choice {n}</source>
        <translation>tahap {id!r} tidak memiliki pilihan {n}</translation>
    </message>
    <message>
        <source>no course {code!r}</source>
        <translation>tidak ada kursus {code!r}</translation>
    </message>
    <message>
        <source>no cohort {name!r}</source>
        <translation>tidak ada angkatan {name!r}</translation>
    </message>
    <message>
        <source>course code {code!r}: use lower-case letters, digits, &apos;-&apos; and &apos;_&apos;</source>
        <translation>kode kursus {code!r}: gunakan huruf kecil, angka, &apos;-&apos; dan &apos;_&apos;</translation>
    </message>
    <message>
        <source>a course {code!r} already exists</source>
        <translation>kursus {code!r} sudah ada</translation>
    </message>
    <message>
        <source>a course needs at least one scenario</source>
        <translation>kursus memerlukan paling sedikit satu kasus</translation>
    </message>
    <message>
        <source>pass rule: &apos;all&apos; (every scenario passed) or &apos;mean&apos; with a mean percent</source>
        <translation>aturan kelulusan: &apos;all&apos; (semua kasus lulus) atau &apos;mean&apos; dengan persentase rata-rata</translation>
    </message>
    <message>
        <source>attempt policy: &apos;best&apos; or &apos;last&apos;</source>
        <translation>aturan percobaan: &apos;best&apos; (terbaik) atau &apos;last&apos; (terakhir)</translation>
    </message>
    <message>
        <source>cohort name {name!r}: use lower-case letters, digits, &apos;-&apos; and &apos;_&apos;</source>
        <translation>nama angkatan {name!r}: gunakan huruf kecil, angka, &apos;-&apos; dan &apos;_&apos;</translation>
    </message>
    <message>
        <source>a cohort {name!r} already exists</source>
        <translation>angkatan {name!r} sudah ada</translation>
    </message>
    <message>
        <source>{username} ({role}) may not read another trainee&apos;s records</source>
        <translation>{username} ({role}) tidak boleh membaca catatan peserta lain</translation>
    </message>
    <message>
        <source>{scenario_path}:{line}:{col}: exhibit &apos;{exhibit}&apos;: file &apos;{file}&apos;: {reason}</source>
        <translation>{scenario_path}:{line}:{col}: barang bukti &apos;{exhibit}&apos;: berkas &apos;{file}&apos;: {reason}</translation>
    </message>
    <message>
        <source>cannot publish: {finding}</source>
        <translation>tidak dapat diterbitkan: {finding}</translation>
    </message>
    <message>
        <source>{case} version {number} is already published with other content: raise &apos;version&apos; to {next} or more first</source>
        <translation>{case} versi {number} sudah diterbitkan dengan isi lain: naikkan &apos;version&apos; sekurang-kurangnya menjadi {next} terlebih dahulu</translation>
    </message>
    <message>
        <source>{case}: version {number} is older than the published version {latest}: raise &apos;version&apos; to {next} first</source>
        <translation>{case}: versi {number} lebih lama daripada versi terbit {latest}: naikkan &apos;version&apos; menjadi {next} terlebih dahulu</translation>
    </message>
    <message>
        <source>no published version {version} of scenario {scenario_id!r}</source>
        <translation>tidak ada versi terbit {version} dari skenario {scenario_id!r}</translation>
    </message>
    <message>
        <source>no published scenario {scenario_id!r}</source>
        <translation>tidak ada skenario terbit {scenario_id!r}</translation>
    </message>
    <message>
        <source>stored scenario {digest} no longer loads: {finding}</source>
        <translation>skenario tersimpan {digest} tidak dapat dimuat lagi: {finding}</translation>
    </message>
    <message>
        <source>staff ID</source>
        <translation>NRP/NIP</translation>
    </message>
    <message>
        <source>name</source>
        <translation>nama</translation>
    </message>
    <message>
        <source>username</source>
        <translation>nama pengguna</translation>
    </message>
    <message>
        <source>rank</source>
        <translation>pangkat</translation>
    </message>
    <message>
        <source>unit</source>
        <translation>satuan kerja</translation>
    </message>
    <message>
        <source>agency</source>
        <translation>instansi</translation>
    </message>
    <message>
        <source>{label} is stored as TRUE/FALSE: format the column as Text</source>
        <translation>{label} tersimpan sebagai TRUE/FALSE: format kolomnya sebagai Teks</translation>
    </message>
    <message>
        <source>{label} is not a number a spreadsheet can hold: format the column as Text</source>
        <translation>{label} bukan angka yang dapat disimpan lembar kerja: format kolomnya sebagai Teks</translation>
    </message>
    <message>
        <source>{label} stored as a number, digits lost: format the column as Text</source>
        <translation>{label} tersimpan sebagai angka, ada digit yang hilang: format kolomnya sebagai Teks</translation>
    </message>
    <message>
        <source>{label} is stored as a number with decimals ({value:g}): format the column as Text</source>
        <translation>{label} tersimpan sebagai angka desimal ({value:g}): format kolomnya sebagai Teks</translation>
    </message>
    <message>
        <source>{label} is stored as a date or time: format the column as Text</source>
        <translation>{label} tersimpan sebagai tanggal atau waktu: format kolomnya sebagai Teks</translation>
    </message>
    <message>
        <source>{label} {value} was saved as a number, digits lost: format the column as Text and export again</source>
        <translation>{label} {value} tersimpan sebagai angka, ada digit yang hilang: format kolomnya sebagai Teks lalu ekspor lagi</translation>
    </message>
    <message>
        <source>{label} is the spreadsheet error {value}: a formula there failed; type the value</source>
        <translation>{label} berisi galat spreadsheet {value}: rumus di sel itu gagal; ketik nilainya</translation>
    </message>
    <message>
        <source>{label} holds an invisible character ({code}) at character {position}: retype the cell</source>
        <translation>{label} berisi karakter tak terlihat ({code}) pada karakter ke-{position}: ketik ulang selnya</translation>
    </message>
    <message>
        <source>{label} holds a control character ({code}) at character {position}: retype the cell</source>
        <translation>{label} berisi karakter kendali ({code}) pada karakter ke-{position}: ketik ulang selnya</translation>
    </message>
    <message>
        <source>{label} is longer than {most} characters</source>
        <translation>{label} lebih panjang dari {most} karakter</translation>
    </message>
    <message>
        <source>{label} {value}: an NRP or NIP is written in digits only, and “{char}” (character {position}) is not one</source>
        <translation>{label} {value}: NRP atau NIP hanya ditulis dengan angka, dan “{char}” (karakter ke-{position}) bukan angka</translation>
    </message>
    <message>
        <source>{label} {value} has {count} digits: a NIP has 18 and an NRP 8</source>
        <translation>{label} {value} terdiri atas {count} angka: NIP 18 angka dan NRP 8 angka</translation>
    </message>
    <message>
        <source>{source}: the roster is empty</source>
        <translation>{source}: daftar peserta kosong</translation>
    </message>
    <message>
        <source>{source}:{line}: two columns mean {column} (the second is &apos;{name}&apos;): keep one</source>
        <translation>{source}:{line}: dua kolom berarti {column} (yang kedua &apos;{name}&apos;): pertahankan satu</translation>
    </message>
    <message>
        <source>{source}:{line}: the header row needs a {names} column (e.g. staff_id, full_name)</source>
        <translation>{source}:{line}: baris judul memerlukan kolom {names} (mis. staff_id, full_name)</translation>
    </message>
    <message>
        <source>{source}:{line}: more than {max_rows:,} rows, the most a roster may have: split it</source>
        <translation>{source}:{line}: lebih dari {max_rows:,} baris, batas terbanyak sebuah daftar peserta: pecahlah</translation>
    </message>
    <message>
        <source>no staff ID</source>
        <translation>tanpa NRP/NIP</translation>
    </message>
    <message>
        <source>no name</source>
        <translation>tanpa nama</translation>
    </message>
    <message>
        <source>staff ID {id} is also on line {line}</source>
        <translation>NRP/NIP {id} juga ada di baris {line}</translation>
    </message>
    <message>
        <source>roster import cancelled: nothing was imported</source>
        <translation>impor daftar peserta dibatalkan: tidak ada yang diimpor</translation>
    </message>
    <message>
        <source>cannot write the passwords to {path}: {reason}</source>
        <translation>tidak dapat menulis kata sandi ke {path}: {reason}</translation>
    </message>
    <message>
        <source>full name</source>
        <translation>nama lengkap</translation>
    </message>
    <message>
        <source>no account {username!r}</source>
        <translation>tidak ada akun {username!r}</translation>
    </message>
    <message>
        <source>staff ID {staff_id} is already the staff ID of {name} ({username}): one staff ID is one person</source>
        <translation>NRP/NIP {staff_id} sudah dipakai oleh {name} ({username}): satu NRP/NIP hanya untuk satu orang</translation>
    </message>
    <message>
        <source>the {field} is longer than {limit} characters</source>
        <translation>{field} lebih dari {limit} karakter</translation>
    </message>
    <message>
        <source>username {username!r}: use 2-64 lower-case letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;</source>
        <translation>nama pengguna {username!r}: gunakan 2-64 huruf kecil, angka, &apos;.&apos;, &apos;_&apos; atau &apos;-&apos;</translation>
    </message>
    <message>
        <source>an account {username!r} already exists</source>
        <translation>akun {username!r} sudah ada</translation>
    </message>
    <message>
        <source>a full name is required</source>
        <translation>nama lengkap wajib diisi</translation>
    </message>
    <message>
        <source>an account has no field {field!r}</source>
        <translation>akun tidak memiliki kolom {field!r}</translation>
    </message>
    <message>
        <source>you are the last admin: make another admin first</source>
        <translation>Anda admin terakhir: jadikan orang lain admin terlebih dahulu</translation>
    </message>
    <message>
        <source>the current password is wrong</source>
        <translation>kata sandi saat ini salah</translation>
    </message>
    <message>
        <source>wrong username or password</source>
        <translation>nama pengguna atau kata sandi salah</translation>
    </message>
    <message>
        <source>this account is locked after {max_failed_sign_ins} failed sign-ins; try again in {minutes} minute</source>
        <translation>akun ini dikunci setelah {max_failed_sign_ins} kali gagal masuk; coba lagi dalam {minutes} menit</translation>
    </message>
    <message>
        <source>this account is locked after {max_failed_sign_ins} failed sign-ins; try again in {minutes} minutes</source>
        <translation>akun ini dikunci setelah {max_failed_sign_ins} kali gagal masuk; coba lagi dalam {minutes} menit</translation>
    </message>
    <message>
        <source>username {username} is taken by another account</source>
        <translation>nama pengguna {username} sudah dipakai akun lain</translation>
    </message>
    <message>
        <source>username {username} is also on line {line}</source>
        <translation>nama pengguna {username} juga ada di baris {line}</translation>
    </message>
    <message>
        <source>the institution needs a name in English and in Bahasa Indonesia</source>
        <translation>lembaga memerlukan nama dalam bahasa Inggris dan Bahasa Indonesia</translation>
    </message>
    <message>
        <source>a certificate is valid for at least 1 day (got {days}); leave the validity out for no expiry</source>
        <translation>sertifikat berlaku paling sedikit 1 hari (diisi {days}); kosongkan masa berlaku jika tanpa batas</translation>
    </message>
    <message>
        <source>cohort {cohort} does not have course {course}</source>
        <translation>angkatan {cohort} tidak mengikuti kursus {course}</translation>
    </message>
    <message>
        <source>no certificate {serial!r}</source>
        <translation>tidak ada sertifikat {serial!r}</translation>
    </message>
    <message>
        <source>a revocation needs a reason</source>
        <translation>pencabutan memerlukan alasan</translation>
    </message>
    <message>
        <source>certificate {serial} was already revoked on {day}</source>
        <translation>sertifikat {serial} sudah dicabut pada {day}</translation>
    </message>
    <message>
        <source>certificate {serial} has no signed payload</source>
        <translation>sertifikat {serial} tidak memiliki muatan bertanda tangan</translation>
    </message>
    <message>
        <source>certificate {serial}: {reason}</source>
        <translation>sertifikat {serial}: {reason}</translation>
    </message>
    <message>
        <source>certificate {serial}: its page record is damaged ({reason})</source>
        <translation>sertifikat {serial}: catatan halamannya rusak ({reason})</translation>
    </message>
    <message>
        <source>this account no longer exists</source>
        <translation>akun ini sudah tidak ada</translation>
    </message>
    <message>
        <source>no published scenario {version_id}</source>
        <translation>tidak ada skenario terbit {version_id}</translation>
    </message>
    <message>
        <source>this course no longer exists</source>
        <translation>kursus ini sudah tidak ada</translation>
    </message>
    <message>
        <source>this course or scenario no longer exists</source>
        <translation>kursus atau kasus ini sudah tidak ada</translation>
    </message>
    <message>
        <source>{path} exists already: certificates signed with it would no longer match a new key</source>
        <translation>{path} sudah ada: sertifikat yang ditandatangani dengannya tidak akan cocok lagi dengan kunci baru</translation>
    </message>
    <message>
        <source>no issuing key at {path}: run &apos;tipcase keys init&apos; first</source>
        <translation>tidak ada kunci penerbitan di {path}: jalankan dulu &apos;tipcase keys init&apos;</translation>
    </message>
    <message>
        <source>{path} is not a readable private key: {reason}</source>
        <translation>{path} bukan kunci privat yang dapat dibaca: {reason}</translation>
    </message>
    <message>
        <source>{path} is not an Ed25519 key</source>
        <translation>{path} bukan kunci Ed25519</translation>
    </message>
    <message>
        <source>{source} is not a PEM public key: {reason}</source>
        <translation>{source} bukan kunci publik PEM: {reason}</translation>
    </message>
    <message>
        <source>{source} is not an Ed25519 public key</source>
        <translation>{source} bukan kunci publik Ed25519</translation>
    </message>
    <message>
        <source>name the institution whose certificates this key signs</source>
        <translation>sebutkan lembaga yang sertifikatnya ditandatangani dengan kunci ini</translation>
    </message>
    <message>
        <source>key {ident} is trusted already for {bound}; add --replace to trust it for {wanted} instead</source>
        <translation>kunci {ident} sudah dipercaya untuk {bound}; tambahkan --replace agar dipercaya untuk {wanted} sebagai gantinya</translation>
    </message>
    <message>
        <source>this database&apos;s audit log is not keyed yet: run &apos;tipcase db upgrade&apos; (or record anything) first</source>
        <translation>log audit basis data ini belum berkunci: jalankan dulu &apos;tipcase db upgrade&apos; (atau catat apa saja)</translation>
    </message>
    <message>
        <source>this workstation does not hold audit key {ident}</source>
        <translation>workstation ini tidak menyimpan kunci audit {ident}</translation>
    </message>
    <message>
        <source>{option} takes numbers separated by commas, e.g. 2,1,3 (got {raw!r})</source>
        <translation>{option} memerlukan angka yang dipisahkan koma, misalnya 2,1,3 (yang diberikan: {raw!r})</translation>
    </message>
    <message>
        <source>{option} needs at least one number</source>
        <translation>{option} memerlukan paling sedikit satu angka</translation>
    </message>
    <message>
        <source>{option} numbers start at 1</source>
        <translation>angka {option} dimulai dari 1</translation>
    </message>
    <message>
        <source>{username} is not assigned to role {role!r} in exercise {session!r}</source>
        <translation>{username} tidak ditugaskan pada peran {role!r} dalam latihan {session!r}</translation>
    </message>
    <message>
        <source>{username} is not assigned to any role in exercise {session!r}</source>
        <translation>{username} tidak ditugaskan pada peran mana pun dalam latihan {session!r}</translation>
    </message>
    <message>
        <source>{username} plays {roles} in exercise {session!r}: say which with --role</source>
        <translation>{username} memainkan {roles} dalam latihan {session!r}: sebutkan yang mana dengan --role</translation>
    </message>
    <message>
        <source>exercise {session!r} is paused: no decision is taken until the trainer resumes it</source>
        <translation>latihan {session!r} dijeda: tidak ada keputusan yang diterima sampai pelatih melanjutkannya</translation>
    </message>
    <message>
        <source>exercise {session!r} has not started yet: no decision is taken until the trainer starts it</source>
        <translation>latihan {session!r} belum dimulai: tidak ada keputusan yang diterima sampai pelatih memulainya</translation>
    </message>
    <message>
        <source>nothing left to decide: your role has reached its end ({numbers} not used)</source>
        <translation>tidak ada lagi yang perlu diputuskan: peran Anda sudah sampai di akhirnya ({numbers} tidak dipakai)</translation>
    </message>
    <message>
        <source>role {role!r} has reached its end in exercise {session!r} after {count} decision ({shown}): it takes no more</source>
        <translation>peran {role!r} sudah sampai di akhirnya dalam latihan {session!r} setelah {count} keputusan ({shown}): tidak ada lagi yang diterimanya</translation>
    </message>
    <message>
        <source>role {role!r} has reached its end in exercise {session!r} after {count} decisions ({shown}): it takes no more</source>
        <translation>peran {role!r} sudah sampai di akhirnya dalam latihan {session!r} setelah {count} keputusan ({shown}): tidak ada lagi yang diterimanya</translation>
    </message>
    <message>
        <source>role {role!r} moved on while this ran (another trainee at the role decided): its decisions are now {shown}; look at where it stands and give --next again</source>
        <translation>peran {role!r} sudah berlanjut selama perintah ini berjalan (peserta lain pada peran itu sudah memutuskan): keputusannya kini {shown}; lihat posisinya lalu berikan --next lagi</translation>
    </message>
    <message>
        <source>role {role!r} has made {count} decision in exercise {session!r} ({shown}): --choose is the whole route from the start and must begin {shown}; to give only what comes next, use --next (e.g. --next {rest})</source>
        <translation>peran {role!r} sudah mengambil {count} keputusan dalam latihan {session!r} ({shown}): --choose adalah seluruh rute dari awal dan harus diawali {shown}; untuk memberikan langkah berikutnya saja, gunakan --next (misalnya --next {rest})</translation>
    </message>
    <message>
        <source>role {role!r} has made {count} decisions in exercise {session!r} ({shown}): --choose is the whole route from the start and must begin {shown}; to give only what comes next, use --next (e.g. --next {rest})</source>
        <translation>peran {role!r} sudah mengambil {count} keputusan dalam latihan {session!r} ({shown}): --choose adalah seluruh rute dari awal dan harus diawali {shown}; untuk memberikan langkah berikutnya saja, gunakan --next (misalnya --next {rest})</translation>
    </message>
    <message>
        <source>--timeout takes a number of seconds &gt;= 0</source>
        <translation>--timeout memerlukan jumlah detik &gt;= 0</translation>
    </message>
    <message>
        <source>{role}: decision {step}, stage “{stage}”: {number}) {label}</source>
        <translation>{role}: keputusan {step}, tahap “{stage}”: {number}) {label}</translation>
    </message>
    <message>
        <source>--user {username}: {refusal}</source>
        <translation>--user {username}: {refusal}</translation>
    </message>
    <message>
        <source>the hand-over “{handover}” from {sender}</source>
        <translation>serah terima “{handover}” dari {sender}</translation>
    </message>
    <message>
        <source>role {role!r} reaches its end at decision {step}: the numbers after it ({rest}) are more than its route takes; nothing was recorded</source>
        <translation>peran {role!r} sampai di akhirnya pada keputusan {step}: angka sesudahnya ({rest}) melebihi rute perannya; tidak ada yang dicatat</translation>
    </message>
    <message>
        <source>--at {at}: role {role!r} stands at decision {step}, so decision {at} is not yet to be taken</source>
        <translation>--at {at}: peran {role!r} berada pada keputusan {step}, jadi keputusan {at} belum saatnya diambil</translation>
    </message>
    <message>
        <source>{role}: not finished, route {route}</source>
        <translation>{role}: belum selesai, rute {route}</translation>
    </message>
    <message>
        <source>{role}: not finished, {percent}% ({total} of {max}), route {route}</source>
        <translation>{role}: belum selesai, {percent}% ({total} dari {max}), rute {route}</translation>
    </message>
    <message>
        <source>Look again once it has arrived: tipcase exercise play --session {session} --user {user}</source>
        <translation>Lihat lagi setelah serah terima itu tiba: tipcase exercise play --session {session} --user {user}</translation>
    </message>
    <message>
        <source>tipcase: {outcome}</source>
        <translation>tipcase: {outcome}</translation>
    </message>
    <message>
        <source>exercise {session!r} has ended</source>
        <translation>latihan {session!r} sudah berakhir</translation>
    </message>
    <message>
        <source>{refusal}; role {role!r} stands at decision {step}, stage “{stage}”</source>
        <translation>{refusal}; peran {role!r} berada pada keputusan {step}, tahap “{stage}”</translation>
    </message>
    <message>
        <source>{role}: waiting for {what} (at most {seconds} s)...</source>
        <translation>{role}: menunggu {what} (paling lama {seconds} detik)...</translation>
    </message>
    <message>
        <source>timed out after {seconds} s waiting for {what}</source>
        <translation>waktu habis setelah {seconds} detik menunggu {what}</translation>
    </message>
    <message>
        <source>{role}: reached its end, route {route}</source>
        <translation>{role}: sampai di akhir, rute {route}</translation>
    </message>
    <message>
        <source>{role}: reached its end, {percent}% ({total} of {max}), route {route}</source>
        <translation>{role}: sampai di akhir, {percent}% ({total} dari {max}), rute {route}</translation>
    </message>
    <message>
        <source>Your next choice: tipcase exercise play --session {session} --user {user} --at {step} --next N</source>
        <translation>Pilihan Anda berikutnya: tipcase exercise play --session {session} --user {user} --at {step} --next N</translation>
    </message>
    <message>
        <source>--pdf {pdf}: the after-action report is a PDF; name the file *.pdf</source>
        <translation>--pdf {pdf}: laporan evaluasi pasca-latihan berbentuk PDF; beri nama berkas *.pdf</translation>
    </message>
    <message>
        <source>--pdf {pdf}: cannot write it: {reason}</source>
        <translation>--pdf {pdf}: tidak dapat ditulis: {reason}</translation>
    </message>
    <message>
        <source>after-action report written to {path}</source>
        <translation>laporan evaluasi pasca-latihan ditulis ke {path}</translation>
    </message>
    <message>
        <source>{session} ({status}): {team} v{version}: team {percent}% so far</source>
        <translation>{session} ({status}): {team} v{version}: tim {percent}% sejauh ini</translation>
    </message>
    <message>
        <source>{session} ({status}): {team} v{version}: team {percent}%, passed</source>
        <translation>{session} ({status}): {team} v{version}: tim {percent}%, lulus</translation>
    </message>
    <message>
        <source>{session} ({status}): {team} v{version}: team {percent}%, not passed</source>
        <translation>{session} ({status}): {team} v{version}: tim {percent}%, tidak lulus</translation>
    </message>
    <message>
        <source>{role}: {percent}% ({total} of {max}), not finished, stage “{stage}”</source>
        <translation>{role}: {percent}% ({total} dari {max}), belum selesai, tahap “{stage}”</translation>
    </message>
    <message>
        <source>{role}: {percent}% ({total} of {max}) so far, not at its end yet, stage “{stage}”</source>
        <translation>{role}: {percent}% ({total} dari {max}) sejauh ini, belum sampai di akhir, tahap “{stage}”</translation>
    </message>
    <message>
        <source>rule broken: {rule}, {points} {competency}: {role}, stage “{stage}”</source>
        <translation>aturan dilanggar: {rule}, {points} {competency}: {role}, tahap “{stage}”</translation>
    </message>
    <message>
        <source>critical error: {role}, stage “{stage}”: {text}</source>
        <translation>kesalahan kritis: {role}, tahap “{stage}”: {text}</translation>
    </message>
    <message>
        <source>no events</source>
        <translation>belum ada peristiwa</translation>
    </message>
    <message>
        <source>{count} event</source>
        <translation>{count} peristiwa</translation>
    </message>
    <message>
        <source>{count} events</source>
        <translation>{count} peristiwa</translation>
    </message>
    <message>
        <source>{session}: {status}, archived, {events}</source>
        <translation>{session}: {status}, diarsipkan, {events}</translation>
    </message>
    <message>
        <source>{session}: {status}, {events}</source>
        <translation>{session}: {status}, {events}</translation>
    </message>
    <message>
        <source>reached its end</source>
        <translation>sudah sampai di akhir</translation>
    </message>
    <message>
        <source>stopped when the session ended</source>
        <translation>berhenti saat sesi berakhir</translation>
    </message>
    <message>
        <source>waits for hand-over “{handover}”</source>
        <translation>menunggu serah terima “{handover}”</translation>
    </message>
    <message>
        <source>stage “{stage}” ({where}), case clock {clock} h, {decisions}; {users}</source>
        <translation>tahap “{stage}” ({where}), waktu kasus {clock} jam, {decisions}; {users}</translation>
    </message>
    <message>
        <source>hand-over “{handover}” for {receiver}: {count} delivery in the queue, not taken</source>
        <translation>serah terima “{handover}” untuk {receiver}: {count} kiriman dalam antrean, belum diambil</translation>
    </message>
    <message>
        <source>hand-over “{handover}” for {receiver}: {count} deliveries in the queue, not taken</source>
        <translation>serah terima “{handover}” untuk {receiver}: {count} kiriman dalam antrean, belum diambil</translation>
    </message>
    <message>
        <source>deciding</source>
        <translation>sedang memutuskan</translation>
    </message>
    <message>
        <source>the report of exercise {session!r} opens to you once the trainer ends the session</source>
        <translation>laporan latihan {session!r} terbuka bagi Anda setelah pelatih mengakhiri sesi</translation>
    </message>
    <message>
        <source>{role}: {percent}% ({total} of {max}), reached its end</source>
        <translation>{role}: {percent}% ({total} dari {max}), sampai di akhir</translation>
    </message>
    <message>
        <source>incomplete hand-over: “{handover}” #{number} from {sender} ({points} {competency})</source>
        <translation>serah terima tidak lengkap: “{handover}” #{number} dari {sender} ({points} {competency})</translation>
    </message>
    <message>
        <source>hand-over never taken: “{handover}” #{number} from {sender} to {receiver}</source>
        <translation>serah terima tidak pernah diterima: “{handover}” #{number} dari {sender} kepada {receiver}</translation>
    </message>
    <message>
        <source>no decisions</source>
        <translation>belum ada keputusan</translation>
    </message>
    <message>
        <source>{count} decision</source>
        <translation>{count} keputusan</translation>
    </message>
    <message>
        <source>{count} decisions</source>
        <translation>{count} keputusan</translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>belum ada peserta</translation>
    </message>
    <message>
        <source>the stage “{stage}” is an end: no more choices</source>
        <translation>tahap “{stage}” adalah akhir: tidak ada pilihan lagi</translation>
    </message>
    <message>
        <source>choice {number} is not offered at the stage “{stage}”; offered: {offered}</source>
        <translation>pilihan {number} tidak tersedia di tahap “{stage}”; yang tersedia: {offered}</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>this database&apos;s records are sealed with audit key {ident}, which this workstation does not hold: run &apos;tipcase audit key export FILE&apos; on a workstation that has it and &apos;tipcase audit key import FILE&apos; here</source>
        <translation>catatan basis data ini disegel dengan kunci audit {ident}, yang tidak dimiliki workstation ini: jalankan &apos;tipcase audit key export FILE&apos; di workstation yang memilikinya dan &apos;tipcase audit key import FILE&apos; di sini</translation>
    </message>
    <message>
        <source>{scenario} is not written in {language!r}: choose one of {languages}</source>
        <translation>{scenario} tidak ditulis dalam bahasa {language!r}: pilih salah satu dari {languages}</translation>
    </message>
    <message>
        <source>{scenario} v{version} is not part of course {course}</source>
        <translation>{scenario} v{version} bukan bagian dari kursus {course}</translation>
    </message>
    <message>
        <source>{username} is not a member of a cohort that takes course {course}</source>
        <translation>{username} bukan anggota angkatan yang mengikuti kursus {course}</translation>
    </message>
    <message>
        <source>course {course} allows {count} attempt at {scenario}; it is used</source>
        <translation>kursus {course} mengizinkan {count} percobaan untuk {scenario}; percobaan itu sudah terpakai</translation>
    </message>
    <message>
        <source>course {course} allows {count} attempts at {scenario}; all are used</source>
        <translation>kursus {course} mengizinkan {count} percobaan untuk {scenario}; semuanya sudah terpakai</translation>
    </message>
    <message>
        <source>no attempt {attempt_id}</source>
        <translation>tidak ada percobaan {attempt_id}</translation>
    </message>
    <message>
        <source>{username} ({role}) may not read another trainee&apos;s attempts</source>
        <translation>{username} ({role}) tidak boleh membaca percobaan peserta lain</translation>
    </message>
    <message>
        <source>{username} may only decide in their own attempts</source>
        <translation>{username} hanya boleh mengambil keputusan dalam percobaannya sendiri</translation>
    </message>
    <message>
        <source>attempt {attempt_id} is finished (in another window?): decision {step} was not recorded</source>
        <translation>percobaan {attempt_id} sudah selesai (di jendela lain?): keputusan {step} tidak dicatat</translation>
    </message>
    <message>
        <source>attempt {attempt_id} has moved on (in another window?): it is at decision {at}, stage &apos;{now}&apos;; decision {step} was not recorded</source>
        <translation>percobaan {attempt_id} sudah berlanjut (di jendela lain?): kini pada keputusan {at}, tahap &apos;{now}&apos;; keputusan {step} tidak dicatat</translation>
    </message>
    <message>
        <source>attempt {attempt_id} has moved on (in another window?): it is at decision {at}, stage &apos;{now}&apos;; decision {step} at stage &apos;{stage}&apos; was not recorded</source>
        <translation>percobaan {attempt_id} sudah berlanjut (di jendela lain?): kini pada keputusan {at}, tahap &apos;{now}&apos;; keputusan {step} di tahap &apos;{stage}&apos; tidak dicatat</translation>
    </message>
    <message>
        <source>attempt {attempt_id}: its stored result cannot be read ({reason}); tipcase audit verify says more</source>
        <translation>percobaan {attempt_id}: hasil yang tersimpan tidak dapat dibaca ({reason}); tipcase audit verify memberi keterangan lebih lanjut</translation>
    </message>
    <message>
        <source>the audit log has no keyed entry although this workstation saw entry {seq} keyed on {at}: it was rewritten or emptied. Run &apos;tipcase audit verify&apos;; nothing is recorded until an administrator resolves it (if this database was replaced on purpose, e.g. by restoring a backup: &apos;tipcase audit forget-checkpoint&apos;)</source>
        <translation>log audit tidak memiliki entri berkunci padahal workstation ini pernah melihat entri {seq} berkunci pada {at}: log itu ditulis ulang atau dikosongkan. Jalankan &apos;tipcase audit verify&apos;; tidak ada yang dicatat sampai administrator menyelesaikannya (jika basis data ini sengaja diganti, misalnya dengan memulihkan cadangan: &apos;tipcase audit forget-checkpoint&apos;)</translation>
    </message>
    <message>
        <source>the audit log is empty but {count} attempt is finished: it was emptied. Run &apos;tipcase audit verify&apos;; nothing is recorded until an administrator resolves it</source>
        <translation>log audit kosong padahal {count} percobaan sudah selesai: log itu dikosongkan. Jalankan &apos;tipcase audit verify&apos;; tidak ada yang dicatat sampai administrator menyelesaikannya</translation>
    </message>
    <message>
        <source>the audit log is empty but {count} attempts are finished: it was emptied. Run &apos;tipcase audit verify&apos;; nothing is recorded until an administrator resolves it</source>
        <translation>log audit kosong padahal {count} percobaan sudah selesai: log itu dikosongkan. Jalankan &apos;tipcase audit verify&apos;; tidak ada yang dicatat sampai administrator menyelesaikannya</translation>
    </message>
    <message>
        <source>a new audit key needs a reason</source>
        <translation>kunci audit baru memerlukan alasan</translation>
    </message>
    <message>
        <source>{source}: not a TIPCase audit key (it starts with {format_line!r})</source>
        <translation>{source}: bukan kunci audit TIPCase (kunci itu diawali {format_line!r})</translation>
    </message>
    <message>
        <source>{source}: the key is not hexadecimal</source>
        <translation>{source}: kunci itu bukan heksadesimal</translation>
    </message>
    <message>
        <source>{source}: the key has {count} byte, not {key_bytes}</source>
        <translation>{source}: kunci itu berukuran {count} bita, bukan {key_bytes}</translation>
    </message>
    <message>
        <source>{source}: the key has {count} bytes, not {key_bytes}</source>
        <translation>{source}: kunci itu berukuran {count} bita, bukan {key_bytes}</translation>
    </message>
    <message>
        <source>{path} holds key {id}, not {ident}</source>
        <translation>{path} berisi kunci {id}, bukan {ident}</translation>
    </message>
    <message>
        <source>{target} exists already: name a new file</source>
        <translation>{target} sudah ada: sebutkan berkas baru</translation>
    </message>
    <message>
        <source>cannot write {target}: {reason}</source>
        <translation>tidak dapat menulis {target}: {reason}</translation>
    </message>
    <message>
        <source>cannot read {source}: {reason}</source>
        <translation>tidak dapat membaca {source}: {reason}</translation>
    </message>
    <message>
        <source>{path}: unreadable checkpoint ({reason})</source>
        <translation>{path}: titik periksa tidak terbaca ({reason})</translation>
    </message>
    <message>
        <source>cannot write the backup {target}: {reason}</source>
        <translation>tidak dapat menulis cadangan {target}: {reason}</translation>
    </message>
    <message>
        <source>{source}: not a TIPCase backup ({reason})</source>
        <translation>{source}: bukan cadangan TIPCase ({reason})</translation>
    </message>
    <message>
        <source>{source}: unknown backup format {format!r}</source>
        <translation>{source}: format cadangan tidak dikenal {format!r}</translation>
    </message>
    <message>
        <source>{source}: a damaged backup manifest</source>
        <translation>{source}: manifes cadangan rusak</translation>
    </message>
    <message>
        <source>{source}: a home file with an unusable name {name!r}</source>
        <translation>{source}: berkas folder data dengan nama yang tidak dapat dipakai {name!r}</translation>
    </message>
    <message>
        <source>{source}: refused {name!r}: an absolute path or a drive would land outside the home</source>
        <translation>{source}: {name!r} ditolak: jalur absolut atau drive akan mendarat di luar folder data</translation>
    </message>
    <message>
        <source>{source}: refused {name!r}: &apos;..&apos; or an empty part would land outside the home</source>
        <translation>{source}: {name!r} ditolak: &apos;..&apos; atau bagian kosong akan mendarat di luar folder data</translation>
    </message>
    <message>
        <source>{source}: refused {name!r}: a backup restores only the home&apos;s {key_folder}/ folder</source>
        <translation>{source}: {name!r} ditolak: cadangan hanya memulihkan folder {key_folder}/ di folder data</translation>
    </message>
    <message>
        <source>{source}: {member} is missing (an incomplete backup)</source>
        <translation>{source}: {member} tidak ada (cadangan tidak lengkap)</translation>
    </message>
    <message>
        <source>{source}: refused {member}: a link or a folder, not a file</source>
        <translation>{source}: {member} ditolak: tautan atau folder, bukan berkas</translation>
    </message>
    <message>
        <source>{source}: refused {member}: {size} bytes is no key file</source>
        <translation>{source}: {member} ditolak: {size} bita bukanlah berkas kunci</translation>
    </message>
    <message>
        <source>{part} is a link: restore does not write through links</source>
        <translation>{part} adalah tautan: pemulihan tidak menulis melalui tautan</translation>
    </message>
    <message>
        <source>the home already holds {name} with other content: restore never replaces a key (move it away first)</source>
        <translation>folder data sudah berisi {name} dengan isi lain: pemulihan tidak pernah mengganti kunci (pindahkan dulu)</translation>
    </message>
    <message>
        <source>{source}: {member}:{number}: unreadable row ({reason})</source>
        <translation>{source}: {member}:{number}: baris tidak terbaca ({reason})</translation>
    </message>
    <message>
        <source>{source} was made at schema revision {revision}; this TIPCase is at {head}: use the matching version</source>
        <translation>{source} dibuat pada revisi skema {revision}; TIPCase ini pada {head}: gunakan versi yang sesuai</translation>
    </message>
    <message>
        <source>the database at {database} is not empty ({table} has rows): restore needs an empty home</source>
        <translation>basis data di {database} tidak kosong ({table} berisi baris): pemulihan memerlukan folder data yang kosong</translation>
    </message>
    <message>
        <source>{path}: appeared while restoring; nothing was replaced</source>
        <translation>{path}: muncul saat pemulihan berlangsung; tidak ada yang diganti</translation>
    </message>
    <message>
        <source>cannot write {path}: {reason}</source>
        <translation>tidak dapat menulis {path}: {reason}</translation>
    </message>
    <message>
        <source>the backup passphrase needs at least {min_passphrase} characters (a few words are easy to remember)</source>
        <translation>frasa sandi cadangan memerlukan sedikitnya {min_passphrase} karakter (beberapa kata mudah diingat)</translation>
    </message>
    <message>
        <source>{source}: sealed keys in an unknown form ({cipher}, {kdf})</source>
        <translation>{source}: kunci tersegel dalam bentuk yang tidak dikenal ({cipher}, {kdf})</translation>
    </message>
    <message>
        <source>{source}: sealed keys ask for {name} {value} (at most {limit})</source>
        <translation>{source}: kunci tersegel meminta {name} {value} (paling banyak {limit})</translation>
    </message>
    <message>
        <source>{source}: wrong passphrase for the keys (or the backup was altered)</source>
        <translation>{source}: frasa sandi kunci salah (atau cadangan telah diubah)</translation>
    </message>
    <message>
        <source>{source}: unreadable sealed keys ({kind}: {reason})</source>
        <translation>{source}: kunci tersegel tidak terbaca ({kind}: {reason})</translation>
    </message>
    <message>
        <source>{username} is not a member of a cohort that has course {course}</source>
        <translation>{username} bukan anggota angkatan yang memiliki kursus {course}</translation>
    </message>
    <message>
        <source>{username} already holds certificate {serial} for {course}</source>
        <translation>{username} sudah memegang sertifikat {serial} untuk {course}</translation>
    </message>
    <message>
        <source>{username} has not completed course {course}: no mean yet, the course asks {asks:g} %</source>
        <translation>{username} belum menyelesaikan kursus {course}: belum ada nilai rata-rata, kursus mensyaratkan {asks:g} %</translation>
    </message>
    <message>
        <source>{username} has not completed course {course}: a mean of {mean:g} %, the course asks {asks:g} %</source>
        <translation>{username} belum menyelesaikan kursus {course}: rata-rata {mean:g} %, kursus mensyaratkan {asks:g} %</translation>
    </message>
    <message>
        <source>{username} has not completed course {course}: {passed} of {total} case passed</source>
        <translation>{username} belum menyelesaikan kursus {course}: {passed} dari {total} kasus lulus</translation>
    </message>
    <message>
        <source>{username} has not completed course {course}: {passed} of {total} cases passed</source>
        <translation>{username} belum menyelesaikan kursus {course}: {passed} dari {total} kasus lulus</translation>
    </message>
    <message>
        <source>{username} may be issued the certificate for {course}</source>
        <translation>{username} dapat diterbitkan sertifikat untuk {course}</translation>
    </message>
    <message>
        <source>{team} is written in {languages}, not {language!r}</source>
        <translation>{team} ditulis dalam {languages}, bukan {language!r}</translation>
    </message>
    <message>
        <source>no published team case version {version_id}</source>
        <translation>tidak ada versi kasus tim terbit {version_id}</translation>
    </message>
    <message>
        <source>no user {user_id}</source>
        <translation>tidak ada pengguna {user_id}</translation>
    </message>
    <message>
        <source>{username} ({role}) may not read an exercise&apos;s master log</source>
        <translation>{username} ({role}) tidak boleh membaca log induk latihan</translation>
    </message>
    <message>
        <source>draft</source>
        <translation>draf</translation>
    </message>
    <message>
        <source>running</source>
        <translation>berjalan</translation>
    </message>
    <message>
        <source>paused</source>
        <translation>dijeda</translation>
    </message>
    <message>
        <source>ended</source>
        <translation>berakhir</translation>
    </message>
    <message>
        <source>no exercise session {name!r}; did you mean {near}?</source>
        <translation>tidak ada sesi latihan {name!r}; maksud Anda {near}?</translation>
    </message>
    <message>
        <source>no exercise session {name!r}</source>
        <translation>tidak ada sesi latihan {name!r}</translation>
    </message>
    <message>
        <source>no exercise session {exercise_id}</source>
        <translation>tidak ada sesi latihan {exercise_id}</translation>
    </message>
    <message>
        <source>a session&apos;s name cannot hold a control or invisible character ({code} at character {position})</source>
        <translation>nama sesi tidak boleh berisi karakter kendali atau karakter tak terlihat ({code} pada karakter ke-{position})</translation>
    </message>
    <message>
        <source>a session&apos;s name is typed after --session without quotes: letters, digits, &apos;-&apos;, &apos;_&apos; and &apos;.&apos;, beginning with a letter or digit (not {char!r} at character {position})</source>
        <translation>nama sesi diketik setelah --session tanpa tanda kutip: huruf, angka, &apos;-&apos;, &apos;_&apos; dan &apos;.&apos;, diawali huruf atau angka (bukan {char!r} pada karakter ke-{position})</translation>
    </message>
    <message>
        <source>a message has at most {most} characters (this one has {count})</source>
        <translation>pesan paling banyak {most} karakter (pesan ini {count} karakter)</translation>
    </message>
    <message>
        <source>a message cannot hold a control or invisible character ({code} at character {position})</source>
        <translation>pesan tidak boleh berisi karakter kendali atau karakter tak terlihat ({code} pada karakter ke-{position})</translation>
    </message>
    <message>
        <source>{username}&apos;s account is disabled</source>
        <translation>akun {username} dinonaktifkan</translation>
    </message>
    <message>
        <source>{username} is not assigned to the role “{role}” in exercise {exercise!r}</source>
        <translation>{username} tidak ditugaskan pada peran “{role}” dalam latihan {exercise!r}</translation>
    </message>
    <message>
        <source>an exercise session {other!r} exists: {name!r} differs from it only by capitals</source>
        <translation>sudah ada sesi latihan {other!r}: {name!r} hanya berbeda huruf besar-kecilnya</translation>
    </message>
    <message>
        <source>a session needs a name of 1 to 100 characters</source>
        <translation>sesi memerlukan nama sepanjang 1 sampai 100 karakter</translation>
    </message>
    <message>
        <source>an exercise session {name!r} already exists</source>
        <translation>sesi latihan {name!r} sudah ada</translation>
    </message>
    <message>
        <source>team case {team} has no role {role!r} (roles: {roles})</source>
        <translation>kasus tim {team} tidak memiliki peran {role!r} (peran: {roles})</translation>
    </message>
    <message>
        <source>exercise {exercise!r} has ended</source>
        <translation>latihan {exercise!r} sudah berakhir</translation>
    </message>
    <message>
        <source>{username} ({role}) is not a trainee: only trainees play a role in a team exercise</source>
        <translation>{username} ({role}) bukan peserta pelatihan: hanya peserta pelatihan yang memainkan peran dalam latihan tim</translation>
    </message>
    <message>
        <source>exercise {exercise!r} has started: its assignments are part of the record</source>
        <translation>latihan {exercise!r} sudah dimulai: penugasannya menjadi bagian dari catatan</translation>
    </message>
    <message>
        <source>exercise {exercise!r} is {status}: it cannot be started</source>
        <translation>latihan {exercise!r} berstatus {status}: latihan itu tidak dapat dimulai</translation>
    </message>
    <message>
        <source>exercise {exercise!r} is {status}: it cannot be paused</source>
        <translation>latihan {exercise!r} berstatus {status}: latihan itu tidak dapat dijeda</translation>
    </message>
    <message>
        <source>exercise {exercise!r} is {status}: it cannot be resumed</source>
        <translation>latihan {exercise!r} berstatus {status}: latihan itu tidak dapat dilanjutkan</translation>
    </message>
    <message>
        <source>exercise {exercise!r} is {status}: it cannot be ended</source>
        <translation>latihan {exercise!r} berstatus {status}: latihan itu tidak dapat diakhiri</translation>
    </message>
    <message>
        <source>every role needs a trainee before the session starts; still without one: {missing}</source>
        <translation>setiap peran memerlukan peserta sebelum sesi dimulai; yang belum memilikinya: {missing}</translation>
    </message>
    <message>
        <source>a message needs some text</source>
        <translation>pesan memerlukan isi</translation>
    </message>
    <message>
        <source>exercise {exercise!r} is {status}</source>
        <translation>latihan {exercise!r} berstatus {status}</translation>
    </message>
    <message>
        <source>exercise {exercise!r} has not started yet: your role opens when the trainer starts it</source>
        <translation>latihan {exercise!r} belum dimulai: peran Anda terbuka saat pelatih memulainya</translation>
    </message>
    <message>
        <source>exercise {exercise!r} is {status}: decision {step} of the role “{role}” was not recorded</source>
        <translation>latihan {exercise!r} berstatus {status}: keputusan {step} peran “{role}” tidak dicatat</translation>
    </message>
    <message>
        <source>the role “{role}” has moved on: decision {step}, at the stage “{stage}”, was already taken by {who}, so yours was not recorded; it is at decision {at}, stage “{now}”</source>
        <translation>peran “{role}” sudah berlanjut: keputusan {step}, pada tahap “{stage}”, sudah diambil oleh {who}, sehingga keputusan Anda tidak dicatat; kini pada keputusan {at}, tahap “{now}”</translation>
    </message>
    <message>
        <source>the role “{role}” has moved on (another trainee at the role, or an arrival): it is at decision {at}, stage “{stage}”; decision {step} was not recorded</source>
        <translation>peran “{role}” sudah berlanjut (peserta lain pada peran itu, atau ada kedatangan): kini pada keputusan {at}, tahap “{stage}”; keputusan {step} tidak dicatat</translation>
    </message>
    <message>
        <source>another trainee</source>
        <translation>peserta lain</translation>
    </message>
    <message>
        <source>{username} takes no part in exercise {exercise!r}</source>
        <translation>{username} tidak ikut serta dalam latihan {exercise!r}</translation>
    </message>
    <message>
        <source>{username} ({role}) may read only their own certificates</source>
        <translation>{username} ({role}) hanya boleh membaca sertifikatnya sendiri</translation>
    </message>
    <message>
        <source>certificate {serial} was revoked on {revoked:%Y-%m-%d}; it cannot be printed</source>
        <translation>sertifikat {serial} dicabut pada {revoked:%Y-%m-%d}; sertifikat itu tidak dapat dicetak</translation>
    </message>
    <message>
        <source>a password needs at least {count} characters</source>
        <translation>kata sandi memerlukan sedikitnya {count} karakter</translation>
    </message>
    <message>
        <source>play</source>
        <translation>memainkan kasus</translation>
    </message>
    <message>
        <source>read own records</source>
        <translation>membaca catatannya sendiri</translation>
    </message>
    <message>
        <source>read every trainee&apos;s attempts</source>
        <translation>membaca percobaan setiap peserta</translation>
    </message>
    <message>
        <source>publish scenarios</source>
        <translation>menerbitkan skenario</translation>
    </message>
    <message>
        <source>manage courses</source>
        <translation>mengelola kursus</translation>
    </message>
    <message>
        <source>manage cohorts</source>
        <translation>mengelola angkatan</translation>
    </message>
    <message>
        <source>list accounts</source>
        <translation>melihat daftar akun</translation>
    </message>
    <message>
        <source>manage accounts</source>
        <translation>mengelola akun</translation>
    </message>
    <message>
        <source>manage roles</source>
        <translation>mengelola peran</translation>
    </message>
    <message>
        <source>issue certificates</source>
        <translation>menerbitkan sertifikat</translation>
    </message>
    <message>
        <source>revoke certificates</source>
        <translation>mencabut sertifikat</translation>
    </message>
    <message>
        <source>read the certificate register</source>
        <translation>membaca register sertifikat</translation>
    </message>
    <message>
        <source>export records</source>
        <translation>mengekspor catatan</translation>
    </message>
    <message>
        <source>verify the audit log</source>
        <translation>memverifikasi log audit</translation>
    </message>
    <message>
        <source>back up and restore</source>
        <translation>mencadangkan dan memulihkan</translation>
    </message>
    <message>
        <source>configure the institution</source>
        <translation>mengatur lembaga</translation>
    </message>
    <message>
        <source>direct team exercises</source>
        <translation>mengarahkan latihan tim</translation>
    </message>
    <message>
        <source>{username} ({role}) may not {action}</source>
        <translation>{username} ({role}) tidak boleh {action}</translation>
    </message>
    <message>
        <source>no course {course_id}</source>
        <translation>tidak ada kursus {course_id}</translation>
    </message>
    <message>
        <source>no account {user_id}</source>
        <translation>tidak ada akun {user_id}</translation>
    </message>
    <message>
        <source>{source}: cannot read: {reason}</source>
        <translation>{source}: tidak dapat dibaca: {reason}</translation>
    </message>
    <message>
        <source>{source}: larger than {megabytes} MB, the most a roster file may be</source>
        <translation>{source}: lebih besar dari {megabytes} MB, batas terbesar berkas daftar peserta</translation>
    </message>
    <message>
        <source>{source}: an old Excel (.xls) workbook: save it as .xlsx, or as &apos;CSV UTF-8&apos;</source>
        <translation>{source}: buku kerja Excel lama (.xls): simpan sebagai .xlsx, atau sebagai &apos;CSV UTF-8&apos;</translation>
    </message>
    <message>
        <source>{source}: not a readable XLSX workbook (not a ZIP container)</source>
        <translation>{source}: bukan buku kerja XLSX yang dapat dibaca (bukan wadah ZIP)</translation>
    </message>
    <message>
        <source>{source}:1: Excel&apos;s line {line!r} names no one-character delimiter (write sep=; or delete the line)</source>
        <translation>{source}:1: baris Excel {line!r} tidak menyebut pemisah satu karakter (tulis sep=; atau hapus barisnya)</translation>
    </message>
    <message>
        <source>{source}:{line}: a cell longer than {max_cell_chars:,} characters, the most a cell holds</source>
        <translation>{source}:{line}: sel lebih panjang dari {max_cell_chars:,} karakter, batas terpanjang sebuah sel</translation>
    </message>
    <message>
        <source>{source}:{line}: not readable as CSV ({reason})</source>
        <translation>{source}:{line}: tidak dapat dibaca sebagai CSV ({reason})</translation>
    </message>
    <message>
        <source>UTF-16 text</source>
        <translation>teks UTF-16</translation>
    </message>
    <message>
        <source>UTF-8 text</source>
        <translation>teks UTF-8</translation>
    </message>
    <message>
        <source>{source}:{line}: not {what} (save the roster as &apos;CSV UTF-8&apos;)</source>
        <translation>{source}:{line}: bukan {what} (simpan daftar peserta sebagai &apos;CSV UTF-8&apos;)</translation>
    </message>
    <message>
        <source>{source}:{number}: more than {max_columns} columns, the most a roster row may have</source>
        <translation>{source}:{number}: lebih dari {max_columns} kolom, batas terbanyak sebuah baris daftar peserta</translation>
    </message>
    <message>
        <source>{source}:{line}: more than {max_columns} columns, the most a roster row may have</source>
        <translation>{source}:{line}: lebih dari {max_columns} kolom, batas terbanyak sebuah baris daftar peserta</translation>
    </message>
    <message>
        <source>{source}: the workbook has no worksheet</source>
        <translation>{source}: buku kerja tidak memiliki lembar kerja</translation>
    </message>
    <message>
        <source>{source}: not a readable XLSX workbook: its parts do not fit together (save it again from a spreadsheet)</source>
        <translation>{source}: buku kerja XLSX tidak terbaca: bagian-bagiannya tidak saling cocok (simpan ulang dari aplikasi lembar kerja)</translation>
    </message>
    <message>
        <source>{source}: the workbook&apos;s sheet {sheet!r} has no worksheet part (save it again from a spreadsheet)</source>
        <translation>{source}: lembar {sheet!r} dalam buku kerja tidak punya isi lembar kerja (simpan ulang dari aplikasi lembar kerja)</translation>
    </message>
    <message>
        <source>{source}: {sheet}!{row}:{row}: a row no spreadsheet would write (save the workbook again from a spreadsheet)</source>
        <translation>{source}: {sheet}!{row}:{row}: baris yang tidak mungkin ditulis lembar kerja (simpan ulang buku kerja dari aplikasi lembar kerja)</translation>
    </message>
    <message>
        <source>{source}: more than {max_parts:,} parts in the workbook&apos;s container</source>
        <translation>{source}: lebih dari {max_parts:,} bagian dalam wadah buku kerja</translation>
    </message>
    <message>
        <source>{source}: part {part} is compressed in a way Excel never writes</source>
        <translation>{source}: bagian {part} dimampatkan dengan cara yang tidak pernah ditulis Excel</translation>
    </message>
    <message>
        <source>{source}: part {part} unpacks to more than {megabytes} MB, the limit</source>
        <translation>{source}: bagian {part} terurai menjadi lebih dari {megabytes} MB, batasnya</translation>
    </message>
    <message>
        <source>{source}: the workbook unpacks to more than {megabytes} MB, the limit</source>
        <translation>{source}: buku kerja terurai menjadi lebih dari {megabytes} MB, batasnya</translation>
    </message>
    <message>
        <source>{source}: not a readable XLSX workbook: it has no part {part} (save it again from a spreadsheet)</source>
        <translation>{source}: buku kerja XLSX tidak terbaca: tidak ada bagian {part} (simpan ulang dari aplikasi lembar kerja)</translation>
    </message>
    <message>
        <source>{source}: not a readable XLSX workbook: the ZIP container is damaged (save it again from a spreadsheet)</source>
        <translation>{source}: buku kerja XLSX tidak terbaca: wadah ZIP-nya rusak (simpan ulang dari aplikasi lembar kerja)</translation>
    </message>
    <message>
        <source>{where}: declares a document type, which a workbook never does</source>
        <translation>{where}: menyatakan jenis dokumen, yang tidak pernah dilakukan buku kerja</translation>
    </message>
    <message>
        <source>{where}: not well-formed XML ({reason})</source>
        <translation>{where}: XML tidak tersusun dengan benar ({reason})</translation>
    </message>
    <message>
        <source>{where}: XML nested deeper than {max_xml_depth} levels, the limit</source>
        <translation>{where}: XML bersarang lebih dari {max_xml_depth} tingkat, batasnya</translation>
    </message>
    <message>
        <source>{where}: more than {max_xml_elements:,} XML elements, the limit</source>
        <translation>{where}: lebih dari {max_xml_elements:,} elemen XML, batasnya</translation>
    </message>
    <message>
        <source>{source}:{row}: more than {max_row_cells:,} cells in a row, the most a worksheet has</source>
        <translation>{source}:{row}: lebih dari {max_row_cells:,} sel dalam satu baris, batas terbanyak sebuah lembar kerja</translation>
    </message>
    <message>
        <source>{where}: a cell longer than {max_cell_chars:,} characters, the most a cell holds</source>
        <translation>{where}: sel lebih panjang dari {max_cell_chars:,} karakter, batas terpanjang sebuah sel</translation>
    </message>
    <message>
        <source>{source}: {cell}: the cell reference {reference!r} is not a column and a row</source>
        <translation>{source}: {cell}: rujukan sel {reference!r} bukan kolom dan baris</translation>
    </message>
    <message>
        <source>{source}: {cell}: {problem} (retype the cell, or save the workbook again from a spreadsheet)</source>
        <translation>{source}: {cell}: {problem} (ketik ulang selnya, atau simpan ulang buku kerja dari aplikasi lembar kerja)</translation>
    </message>
    <message>
        <source>{source}:{row}: a value beyond column {max_columns}, the most a roster row may have</source>
        <translation>{source}:{row}: ada nilai melewati kolom {max_columns}, batas terbanyak sebuah baris daftar peserta</translation>
    </message>
    <message>
        <source>{source}:{row}: more than {max_rows:,} rows, or more than {max_row_gap:,} blank rows in a row</source>
        <translation>{source}:{row}: lebih dari {max_rows:,} baris, atau lebih dari {max_row_gap:,} baris kosong berturut-turut</translation>
    </message>
    <message>
        <source>{source}: a worksheet row numbered {reference!r} after row {previous}; a workbook numbers its rows in order from 1 to {max_sheet_rows:,} (save it again from a spreadsheet)</source>
        <translation>{source}: baris lembar kerja bernomor {reference!r} sesudah baris {previous}; buku kerja menomori barisnya berurutan dari 1 sampai {max_sheet_rows:,} (simpan lagi dari aplikasi lembar kerja)</translation>
    </message>
    <message>
        <source>scenario</source>
        <translation>skenario</translation>
    </message>
    <message>
        <source>pathway</source>
        <translation>jalur rujukan</translation>
    </message>
    <message>
        <source>competencies</source>
        <translation>kompetensi</translation>
    </message>
    <message>
        <source>provisions</source>
        <translation>ketentuan hukum</translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation>tidak terbaca</translation>
    </message>
    <message>
        <source>cannot publish {path} as a team case: it is a {kind} file</source>
        <translation>tidak dapat menerbitkan {path} sebagai kasus tim: berkas itu berjenis {kind}</translation>
    </message>
    <message>
        <source>no published team case {team_id!r}</source>
        <translation>tidak ada kasus tim terbit {team_id!r}</translation>
    </message>
    <message>
        <source>no published team case {team_id!r} version {version}</source>
        <translation>tidak ada kasus tim terbit {team_id!r} versi {version}</translation>
    </message>
    <message>
        <source>stored team case {digest} no longer loads: {finding}</source>
        <translation>kasus tim tersimpan {digest} tidak dapat dimuat lagi: {finding}</translation>
    </message>
    <message>
        <source>trainee</source>
        <translation>peserta pelatihan</translation>
    </message>
    <message>
        <source>trainer</source>
        <translation>pelatih</translation>
    </message>
    <message>
        <source>registrar</source>
        <translation>petugas registrasi</translation>
    </message>
    <message>
        <source>admin</source>
        <translation>admin</translation>
    </message>
    <message>
        <source>no role {role_id!r} in team case &apos;{team}&apos; (roles: {roles})</source>
        <translation>tidak ada peran {role_id!r} dalam kasus tim &apos;{team}&apos; (peran: {roles})</translation>
    </message>
    <message>
        <source>{role} waits at the stage “{stage}” for the hand-over “{handover}”: no choice is offered yet</source>
        <translation>{role} menunggu serah terima “{handover}” di tahap “{stage}”: belum ada pilihan yang tersedia</translation>
    </message>
    <message>
        <source>no inject {inject_id!r} in team case &apos;{team}&apos; (its injects: {injects})</source>
        <translation>tidak ada inject {inject_id!r} dalam kasus tim &apos;{team}&apos; (inject yang ada: {injects})</translation>
    </message>
    <message>
        <source>the inject “{inject}” has already reached every role it goes to ({to})</source>
        <translation>inject “{inject}” sudah sampai ke setiap peran yang dituju ({to})</translation>
    </message>
    <message>
        <source>the inject “{inject}” is not for {role} (it goes to {to})</source>
        <translation>inject “{inject}” bukan untuk {role} (inject itu ditujukan kepada {to})</translation>
    </message>
    <message>
        <source>the inject “{inject}” has already reached {role}</source>
        <translation>inject “{inject}” sudah sampai ke {role}</translation>
    </message>
    <message>
        <source>every role the message goes to has reached its end ({roles}): it would come after play</source>
        <translation>setiap peran yang dituju pesan ini sudah sampai di akhir alurnya ({roles}): pesan akan datang setelah permainan</translation>
    </message>
    <message>
        <source>you cannot deactivate your own account: ask another administrator</source>
        <translation>Anda tidak dapat menonaktifkan akun Anda sendiri: mintalah administrator lain</translation>
    </message>
    <message>
        <source>{username} is the last active administrator: make another admin first</source>
        <translation>{username} adalah administrator aktif terakhir: jadikan akun lain administrator terlebih dahulu</translation>
    </message>
    <message>
        <source>the new password is the same as the current one</source>
        <translation>kata sandi baru sama dengan kata sandi saat ini</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos; is tagged {tag}: story-format code, left out</source>
        <translation>bagian &apos;{name}&apos; bertag {tag}: kode format cerita, tidak diambil</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos; is a special passage of the story format; left out</source>
        <translation>bagian &apos;{name}&apos; adalah bagian khusus format cerita; tidak diambil</translation>
    </message>
    <message>
        <source>a second passage named &apos;{name}&apos; (the first is at line {first}); left out</source>
        <translation>bagian kedua bernama &apos;{name}&apos; (yang pertama di baris {first}); tidak diambil</translation>
    </message>
    <message>
        <source>passage tags have no counterpart in a scenario and were left out: {tags}</source>
        <translation>tag bagian tidak ada padanannya dalam skenario dan tidak diambil: {tags}</translation>
    </message>
    <message>
        <source>the start passage &apos;{name}&apos; does not exist</source>
        <translation>bagian awal &apos;{name}&apos; tidak ada</translation>
    </message>
    <message>
        <source>the story names no start passage; starting at the first, &apos;{name}&apos; (choose with --start)</source>
        <translation>cerita tidak menyebut bagian awal; dimulai dari yang pertama, &apos;{name}&apos; (pilih dengan --start)</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos;: the setter &apos;{setter}&apos; of {link} was dropped (use the choice&apos;s set or add)</source>
        <translation>bagian &apos;{name}&apos;: setter &apos;{setter}&apos; pada {link} dibuang (gunakan set atau add pada pilihan)</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos;: the link {link} has an empty target; left out</source>
        <translation>bagian &apos;{name}&apos;: tautan {link} tidak punya tujuan; tidak diambil</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos;: link out of the story to {target}; left out</source>
        <translation>bagian &apos;{name}&apos;: tautan keluar cerita ke {target}; tidak diambil</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos;: broken link to &apos;{target}&apos; (no such passage); left out</source>
        <translation>bagian &apos;{name}&apos;: tautan rusak ke &apos;{target}&apos; (bagian itu tidak ada); tidak diambil</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos;: the link {link} repeats an earlier one; one choice made</source>
        <translation>bagian &apos;{name}&apos;: tautan {link} mengulang tautan sebelumnya; dijadikan satu pilihan</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos;: &apos;[[&apos; is never closed on its line; kept as text</source>
        <translation>bagian &apos;{name}&apos;: &apos;[[&apos; tidak pernah ditutup di barisnya; dibiarkan sebagai teks</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos;: unresolved dynamic links made by macros ({macros}); add them as choices by hand</source>
        <translation>bagian &apos;{name}&apos;: tautan dinamis buatan makro ({macros}) tidak dapat diuraikan; tambahkan sebagai pilihan secara manual</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos;: story-format code ({code}) kept as text; rewrite it as conditions and effects</source>
        <translation>bagian &apos;{name}&apos;: kode format cerita ({code}) dibiarkan sebagai teks; tulis ulang sebagai syarat dan efek</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos;: {count} control character removed</source>
        <translation>bagian &apos;{name}&apos;: {count} karakter kendali dihapus</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos;: {count} control characters removed</source>
        <translation>bagian &apos;{name}&apos;: {count} karakter kendali dihapus</translation>
    </message>
    <message>
        <source>{count} passage no link reaches from the start was left out: {names}</source>
        <translation>{count} bagian yang tidak terjangkau tautan mana pun dari awal tidak diambil: {names}</translation>
    </message>
    <message>
        <source>{count} passages no link reaches from the start were left out: {names}</source>
        <translation>{count} bagian yang tidak terjangkau tautan mana pun dari awal tidak diambil: {names}</translation>
    </message>
    <message>
        <source>passages {names} loop with no ending; added a choice at &apos;{name}&apos; that ends the case</source>
        <translation>bagian {names} berputar tanpa akhir; ditambahkan pilihan di &apos;{name}&apos; yang mengakhiri kasus</translation>
    </message>
    <message>
        <source>a PNG image</source>
        <translation>gambar PNG</translation>
    </message>
    <message>
        <source>a JPEG image</source>
        <translation>gambar JPEG</translation>
    </message>
    <message>
        <source>a GIF image</source>
        <translation>gambar GIF</translation>
    </message>
    <message>
        <source>a WebP image</source>
        <translation>gambar WebP</translation>
    </message>
    <message>
        <source>the scoring option &apos;{option}&apos; is not one H5P has; no scores imported</source>
        <translation>opsi penilaian &apos;{option}&apos; tidak dikenal H5P; tidak ada skor yang diimpor</translation>
    </message>
    <message>
        <source>the picture is not copied (it is in the .h5p package: import the package to bring it)</source>
        <translation>gambarnya tidak disalin (gambar ada di dalam paket .h5p: impor paketnya untuk membawanya)</translation>
    </message>
    <message>
        <source>media files are not copied</source>
        <translation>berkas media tidak disalin</translation>
    </message>
    <message>
        <source>content[{index}] is {library}: kept as a stage that describes it; {what}</source>
        <translation>content[{index}] adalah {library}: dijadikan tahap yang menggambarkannya; {what}</translation>
    </message>
    <message>
        <source>content[{index}] is of no known type: kept as a stage that describes it; {what}</source>
        <translation>content[{index}] jenisnya tidak dikenal: dijadikan tahap yang menggambarkannya; {what}</translation>
    </message>
    <message>
        <source>it holds {kind}</source>
        <translation>isinya {kind}</translation>
    </message>
    <message>
        <source>its content is no image TIPCase knows</source>
        <translation>isinya bukan gambar yang dikenal TIPCase</translation>
    </message>
    <message>
        <source>content[{index}]: the picture content/{file} is not {kind} as its name says ({holds}); left out</source>
        <translation>content[{index}]: gambar content/{file} bukan {kind} seperti kata namanya ({holds}); tidak diambil</translation>
    </message>
    <message>
        <source>content[{index}] is a question with no alternatives: the case ends there</source>
        <translation>content[{index}] adalah pertanyaan tanpa alternatif jawaban: kasus berakhir di situ</translation>
    </message>
    <message>
        <source>{count} item no edge reaches from the start was left out: {items}</source>
        <translation>{count} item yang tidak terjangkau dari awal tidak diambil: {items}</translation>
    </message>
    <message>
        <source>{count} items no edge reaches from the start were left out: {items}</source>
        <translation>{count} item yang tidak terjangkau dari awal tidak diambil: {items}</translation>
    </message>
    <message>
        <source>content[{index}]: {count} control character removed</source>
        <translation>content[{index}]: {count} karakter kendali dihapus</translation>
    </message>
    <message>
        <source>content[{index}]: {count} control characters removed</source>
        <translation>content[{index}]: {count} karakter kendali dihapus</translation>
    </message>
    <message>
        <source>{count} unpaired surrogate in strings became U+FFFD</source>
        <translation>{count} surrogate tanpa pasangan dalam teks diganti U+FFFD</translation>
    </message>
    <message>
        <source>{count} unpaired surrogates in strings became U+FFFD</source>
        <translation>{count} surrogate tanpa pasangan dalam teks diganti U+FFFD</translation>
    </message>
    <message>
        <source>content[{index}]: a score on a loop was dropped (it could be earned again and again)</source>
        <translation>content[{index}]: skor pada putaran dibuang (skor itu bisa diperoleh berulang-ulang)</translation>
    </message>
    <message>
        <source>content[{index}] is in a loop with no ending; added a choice there that ends the case</source>
        <translation>content[{index}] berada dalam putaran tanpa akhir; ditambahkan pilihan di sana yang mengakhiri kasus</translation>
    </message>
    <message>
        <source>h5p.json says the content is in &apos;{written}&apos;; imported as &apos;{lang}&apos;, as --lang asks</source>
        <translation>h5p.json menyebut isinya berbahasa &apos;{written}&apos;; diimpor sebagai &apos;{lang}&apos;, sesuai --lang</translation>
    </message>
    <message>
        <source>h5p.json gives &apos;{code}&apos;; imported as &apos;{fallback}&apos;, its defaultLanguage (choose another with --lang)</source>
        <translation>h5p.json menyebut &apos;{code}&apos;; diimpor sebagai &apos;{fallback}&apos;, defaultLanguage-nya (pilih yang lain dengan --lang)</translation>
    </message>
    <message>
        <source>h5p.json gives no language; imported as &apos;{fallback}&apos;, its defaultLanguage (choose another with --lang)</source>
        <translation>h5p.json tidak menyebut bahasa; diimpor sebagai &apos;{fallback}&apos;, defaultLanguage-nya (pilih yang lain dengan --lang)</translation>
    </message>
    <message>
        <source>a bare content.json does not say its language; imported as &apos;en&apos; (choose with --lang)</source>
        <translation>content.json tanpa paket tidak menyebut bahasanya; diimpor sebagai &apos;en&apos; (pilih dengan --lang)</translation>
    </message>
    <message>
        <source>h5p.json gives &apos;{code}&apos;; imported as &apos;en&apos; (choose with --lang)</source>
        <translation>h5p.json menyebut &apos;{code}&apos;; diimpor sebagai &apos;en&apos; (pilih dengan --lang)</translation>
    </message>
    <message>
        <source>h5p.json gives no language; imported as &apos;en&apos; (choose with --lang)</source>
        <translation>h5p.json tidak menyebut bahasa; diimpor sebagai &apos;en&apos; (pilih dengan --lang)</translation>
    </message>
    <message>
        <source>{name} is not a JSON number</source>
        <translation>{name} bukan angka JSON</translation>
    </message>
    <message>
        <source>the integer {value} is too large (at most {most} is read)</source>
        <translation>bilangan bulat {value} terlalu besar (paling besar {most} yang dibaca)</translation>
    </message>
    <message>
        <source>the number {value} is too large for a number</source>
        <translation>angka {value} terlalu besar untuk sebuah angka</translation>
    </message>
    <message>
        <source>nested more than {most} levels deep (the limit)</source>
        <translation>bersarang lebih dari {most} tingkat (batasnya)</translation>
    </message>
    <message>
        <source>more than {most} values (the limit): split the content</source>
        <translation>lebih dari {most} nilai (batasnya): pecah kontennya</translation>
    </message>
    <message>
        <source>not valid JSON: {problem}</source>
        <translation>bukan JSON yang sah: {problem}</translation>
    </message>
    <message>
        <source>the position {value} is not an &apos;x,y&apos; string</source>
        <translation>posisi {value} bukan teks &apos;x,y&apos;</translation>
    </message>
    <message>
        <source>the position &apos;{value}&apos; is not two numbers</source>
        <translation>posisi &apos;{value}&apos; bukan dua angka</translation>
    </message>
    <message>
        <source>the position &apos;{value}&apos; is outside +/-{most}</source>
        <translation>posisi &apos;{value}&apos; di luar +/-{most}</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos;: ignored &apos;{rest}&apos; after the header</source>
        <translation>bagian &apos;{name}&apos;: &apos;{rest}&apos; setelah judul bagian diabaikan</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos;: {problem}; the editor will place it</source>
        <translation>bagian &apos;{name}&apos;: {problem}; editor akan menempatkannya</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos;: metadata {problem}; left out</source>
        <translation>bagian &apos;{name}&apos;: metadata {problem}; tidak diambil</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos;: metadata is not a JSON object; left out</source>
        <translation>bagian &apos;{name}&apos;: metadata bukan objek JSON; tidak diambil</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos;: metadata {keys} has no counterpart in a scenario; left out</source>
        <translation>bagian &apos;{name}&apos;: metadata {keys} tidak ada padanannya dalam skenario; tidak diambil</translation>
    </message>
    <message>
        <source>a passage header with no name; passage left out</source>
        <translation>judul bagian tanpa nama; bagian tidak diambil</translation>
    </message>
    <message>
        <source>text before the first passage header was ignored</source>
        <translation>teks sebelum judul bagian pertama diabaikan</translation>
    </message>
    <message>
        <source>a second {name} (the first is at line {first}); left out</source>
        <translation>{name} kedua (yang pertama di baris {first}); tidak diambil</translation>
    </message>
    <message>
        <source>StoryData {problem}; left out</source>
        <translation>StoryData {problem}; tidak diambil</translation>
    </message>
    <message>
        <source>StoryData is not a JSON object; left out</source>
        <translation>StoryData bukan objek JSON; tidak diambil</translation>
    </message>
    <message>
        <source>StoryData &apos;{key}&apos; is not a string; left out</source>
        <translation>StoryData &apos;{key}&apos; bukan teks; tidak diambil</translation>
    </message>
    <message>
        <source>StoryData {keys} has no counterpart in a scenario; left out</source>
        <translation>StoryData {keys} tidak ada padanannya dalam skenario; tidak diambil</translation>
    </message>
    <message>
        <source>a passage with no name; left out</source>
        <translation>bagian tanpa nama; tidak diambil</translation>
    </message>
    <message>
        <source>the file holds {count} stories; imported the first (others: {others}; choose with --story)</source>
        <translation>berkas ini berisi {count} cerita; yang pertama diimpor (lainnya: {others}; pilih dengan --story)</translation>
    </message>
    <message>
        <source>the story&apos;s JavaScript was left out (a scenario has no story-format code)</source>
        <translation>JavaScript cerita tidak diambil (skenario tidak memuat kode format cerita)</translation>
    </message>
    <message>
        <source>the story&apos;s stylesheet was left out (a scenario has no story-format code)</source>
        <translation>stylesheet cerita tidak diambil (skenario tidak memuat kode format cerita)</translation>
    </message>
    <message>
        <source>the story&apos;s startnode &apos;{startnode}&apos; is not a passage number</source>
        <translation>startnode cerita &apos;{startnode}&apos; bukan nomor bagian</translation>
    </message>
    <message>
        <source>passage &apos;{name}&apos; has the pid {pid} of &apos;{first}&apos; (the startnode means the first)</source>
        <translation>bagian &apos;{name}&apos; memakai pid {pid} milik &apos;{first}&apos; (startnode merujuk ke yang pertama)</translation>
    </message>
    <message>
        <source>the story&apos;s startnode {startnode} names no passage</source>
        <translation>startnode cerita {startnode} tidak menunjuk bagian mana pun</translation>
    </message>
    <message>
        <source>a number of {count:,} characters, more than a spreadsheet writes</source>
        <translation>angka sepanjang {count:,} karakter, lebih dari yang ditulis lembar kerja</translation>
    </message>
    <message>
        <source>{value!r} is stored as a number but is none</source>
        <translation>{value!r} tersimpan sebagai angka tetapi bukan angka</translation>
    </message>
    <message>
        <source>the number {value} is beyond what a spreadsheet holds</source>
        <translation>angka {value} melampaui yang dapat disimpan lembar kerja</translation>
    </message>
    <message>
        <source>{value!r} is stored as TRUE/FALSE but is neither</source>
        <translation>{value!r} tersimpan sebagai TRUE/FALSE tetapi bukan keduanya</translation>
    </message>
    <message>
        <source>{value!r} is stored as a date but is none</source>
        <translation>{value!r} tersimpan sebagai tanggal tetapi bukan tanggal</translation>
    </message>
    <message>
        <source>refers to shared text number {value!r}, which the workbook does not have</source>
        <translation>merujuk teks bersama nomor {value!r}, yang tidak ada di buku kerja</translation>
    </message>
    <message>
        <source>a cell type {value!r} that no spreadsheet writes</source>
        <translation>jenis sel {value!r} yang tidak pernah ditulis lembar kerja</translation>
    </message>
    <message>
        <source>no competency {id!r}</source>
        <translation>tidak ada kompetensi {id!r}</translation>
    </message>
    <message>
        <source>a competency needs an id</source>
        <translation>kompetensi memerlukan ID</translation>
    </message>
    <message>
        <source>competency {id!r} cannot be removed: these choices still score it: {where}; change their scores first</source>
        <translation>kompetensi {id!r} tidak dapat dihapus: pilihan-pilihan ini masih memberinya skor: {where}; ubah dulu skornya</translation>
    </message>
    <message>
        <source>competency {id!r} cannot be removed: a case assesses at least one</source>
        <translation>kompetensi {id!r} tidak dapat dihapus: sebuah kasus menilai paling sedikit satu kompetensi</translation>
    </message>
    <message>
        <source>a competency {id!r} already exists</source>
        <translation>kompetensi {id!r} sudah ada</translation>
    </message>
    <message>
        <source>competency {id!r} needs its title in English</source>
        <translation>kompetensi {id!r} memerlukan judul dalam bahasa Inggris</translation>
    </message>
    <message>
        <source>competency {id!r}: the weight is a number of 0 or more</source>
        <translation>kompetensi {id!r}: bobotnya berupa angka 0 atau lebih</translation>
    </message>
    <message>
        <source>{path}: {size:,} bytes; a logo or signature may have {limit:,} at most</source>
        <translation>{path}: {size:,} bita; logo atau tanda tangan paling banyak {limit:,} bita</translation>
    </message>
    <message>
        <source>{path}: cannot be read ({reason})</source>
        <translation>{path}: tidak dapat dibaca ({reason})</translation>
    </message>
    <message>
        <source>{path}: not a picture (use a PNG or JPEG file)</source>
        <translation>{path}: bukan gambar (gunakan berkas PNG atau JPEG)</translation>
    </message>
    <message>
        <source>The session started.</source>
        <translation>Sesi dimulai.</translation>
    </message>
    <message>
        <source>The session was paused.</source>
        <translation>Sesi dijeda.</translation>
    </message>
    <message>
        <source>The session was resumed.</source>
        <translation>Sesi dilanjutkan.</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>lulus</translation>
    </message>
    <message>
        <source>not passed</source>
        <translation>tidak lulus</translation>
    </message>
    <message>
        <source>The session ended: the team scored {percent} % ({verdict}).</source>
        <translation>Sesi berakhir: nilai tim {percent} % ({verdict}).</translation>
    </message>
    <message>
        <source>The session ended.</source>
        <translation>Sesi berakhir.</translation>
    </message>
    <message>
        <source>Decision {step}, stage “{stage}”: {number}) {choice}</source>
        <translation>Keputusan {step}, tahap “{stage}”: {number}) {choice}</translation>
    </message>
    <message>
        <source>Hand-over “{title}” sent by {sender}, queued for {receiver}.</source>
        <translation>Serah terima “{title}” dikirim oleh {sender}, menunggu diambil {receiver}.</translation>
    </message>
    <message>
        <source>complete</source>
        <translation>lengkap</translation>
    </message>
    <message>
        <source>incomplete</source>
        <translation>tidak lengkap</translation>
    </message>
    <message>
        <source>Hand-over “{title}” sent by {sender} ({complete}), queued for {receiver}.</source>
        <translation>Serah terima “{title}” dikirim oleh {sender} ({complete}), menunggu diambil {receiver}.</translation>
    </message>
    <message>
        <source>{receiver} took hand-over “{title}”.</source>
        <translation>{receiver} menerima serah terima “{title}”.</translation>
    </message>
    <message>
        <source>fired by the trainer</source>
        <translation>dipicu oleh pelatih</translation>
    </message>
    <message>
        <source>scripted</source>
        <translation>sesuai skenario</translation>
    </message>
    <message>
        <source>Inject “{title}” for {role} ({how}).</source>
        <translation>Inject “{title}” untuk {role} ({how}).</translation>
    </message>
    <message>
        <source>Message to every role: {text}</source>
        <translation>Pesan untuk setiap peran: {text}</translation>
    </message>
    <message>
        <source>Message to {roles}: {text}</source>
        <translation>Pesan untuk {roles}: {text}</translation>
    </message>
    <message>
        <source>{count} more warning like this one is not listed: {example}</source>
        <translation>{count} peringatan lagi yang serupa tidak dicantumkan: {example}</translation>
    </message>
    <message>
        <source>{count} more warnings like this one are not listed: {example}</source>
        <translation>{count} peringatan lagi yang serupa tidak dicantumkan: {example}</translation>
    </message>
    <message>
        <source>The joint debrief opens once the session has started: nothing has been played yet.</source>
        <translation>Evaluasi bersama terbuka setelah sesi dimulai: belum ada yang dimainkan.</translation>
    </message>
    <message>
        <source>The joint debrief opens to the trainees once the trainer ends the session.</source>
        <translation>Evaluasi bersama terbuka bagi peserta setelah pelatih mengakhiri sesi.</translation>
    </message>
    <message>
        <source>--assign takes ROLE=USER pairs separated by commas (got {item!r})</source>
        <translation>--assign memerlukan pasangan PERAN=PENGGUNA yang dipisahkan koma (yang diberikan: {item!r})</translation>
    </message>
    <message>
        <source>session {session}: paused</source>
        <translation>sesi {session}: dijeda</translation>
    </message>
    <message>
        <source>session {session}: resumed</source>
        <translation>sesi {session}: dilanjutkan</translation>
    </message>
    <message>
        <source>name an inject to fire, or give --text for a message (not both)</source>
        <translation>sebutkan inject yang akan dipicu, atau berikan --text untuk pesan (tidak keduanya)</translation>
    </message>
    <message>
        <source>session {session}: message sent to {roles}</source>
        <translation>sesi {session}: pesan dikirim kepada {roles}</translation>
    </message>
    <message>
        <source>session {session} started: “{title}” ({team} v{version}); {roles}</source>
        <translation>sesi {session} dimulai: “{title}” ({team} v{version}); {roles}</translation>
    </message>
    <message>
        <source>session {session}: ended; team {percent}%, passed</source>
        <translation>sesi {session}: berakhir; tim {percent}%, lulus</translation>
    </message>
    <message>
        <source>session {session}: ended; team {percent}%, not passed</source>
        <translation>sesi {session}: berakhir; tim {percent}%, tidak lulus</translation>
    </message>
    <message>
        <source>session {session}: inject “{inject}” fired for {roles}</source>
        <translation>sesi {session}: inject “{inject}” dipicu untuk {roles}</translation>
    </message>
    <message>
        <source>session {session}: message sent to every role</source>
        <translation>sesi {session}: pesan dikirim kepada setiap peran</translation>
    </message>
    <message>
        <source>session {session}: archived (Show archived lists it; unarchive brings it back)</source>
        <translation>sesi {session}: diarsipkan (Tampilkan yang diarsipkan mencantumkannya; unarchive mengembalikannya)</translation>
    </message>
    <message>
        <source>session {session}: already archived</source>
        <translation>sesi {session}: sudah diarsipkan</translation>
    </message>
    <message>
        <source>session {session}: unarchived (listed again)</source>
        <translation>sesi {session}: dikeluarkan dari arsip (tercantum lagi di daftar)</translation>
    </message>
    <message>
        <source>session {session}: was not archived</source>
        <translation>sesi {session}: tidak sedang diarsipkan</translation>
    </message>
    <message>
        <source>--user {username}: give their password at a terminal, or in {variable} for a script</source>
        <translation>--user {username}: berikan kata sandinya di terminal, atau di {variable} untuk skrip</translation>
    </message>
    <message>
        <source>Password for {username}: </source>
        <translation>Kata sandi untuk {username}: </translation>
    </message>
    <message>
        <source>--user {username}: no password given</source>
        <translation>--user {username}: kata sandi tidak diberikan</translation>
    </message>
    <message>
        <source>tipcase: error: {refusal}</source>
        <translation>tipcase: kesalahan: {refusal}</translation>
    </message>
    <message>
        <source>{where}: staff ID {id} is no longer the account {username}&apos;s: no name was changed</source>
        <translation>{where}: NRP/NIP {id} bukan lagi milik akun {username}: tidak ada nama yang diubah</translation>
    </message>
    <message>
        <source>{where}: {username} is a staff account: only an administrator corrects its name</source>
        <translation>{where}: {username} adalah akun staf: hanya administrator yang dapat memperbaiki namanya</translation>
    </message>
    <message>
        <source>{role} has reached the end of the role: inject “{inject}” can change nothing there</source>
        <translation>{role} sudah sampai di akhir perannya: inject “{inject}” tidak dapat mengubah apa pun di sana</translation>
    </message>
    <message>
        <source>inject “{inject}” can change nothing: every role it has not reached has ended ({roles})</source>
        <translation>inject “{inject}” tidak dapat mengubah apa pun: setiap peran yang belum dicapainya sudah berakhir ({roles})</translation>
    </message>
    <message>
        <source>exercise {exercise!r} has started: it is part of the record and is never deleted</source>
        <translation>latihan {exercise!r} sudah dimulai: latihan itu bagian dari catatan dan tidak pernah dihapus</translation>
    </message>
    <message>
        <source>wrote {name} ({count} scenario)</source>
        <translation>{name} ditulis ({count} kasus)</translation>
    </message>
    <message>
        <source>wrote {name} ({count} scenarios)</source>
        <translation>{name} ditulis ({count} kasus)</translation>
    </message>
    <message>
        <source>mean {mean}%</source>
        <translation>rata-rata {mean}%</translation>
    </message>
    <message>
        <source>no finished attempt yet, so no mean</source>
        <translation>belum ada percobaan yang selesai, jadi belum ada rata-rata</translation>
    </message>
    <message>
        <source>{scenario} v{version}: 1 member, {completed} completed ({completion}%), {passed} passed ({passing}%), {mean}</source>
        <translation>{scenario} v{version}: 1 anggota, {completed} selesai ({completion}%), {passed} lulus ({passing}%), {mean}</translation>
    </message>
    <message>
        <source>{scenario} v{version}: {members} members, {completed} completed ({completion}%), {passed} passed ({passing}%), {mean}</source>
        <translation>{scenario} v{version}: {members} anggota, {completed} selesai ({completion}%), {passed} lulus ({passing}%), {mean}</translation>
    </message>
    <message>
        <source>  hardest: {stage} {poor}/{decisions} poor choices ({share}%)</source>
        <translation>  tersulit: {stage} {poor}/{decisions} pilihan buruk ({share}%)</translation>
    </message>
    <message>
        <source>  critical ({count}): {text}</source>
        <translation>  kesalahan kritis ({count}): {text}</translation>
    </message>
    <message>
        <source>  rule broken ({count}): {title} ({rule})</source>
        <translation>  aturan dilanggar ({count}): {title} ({rule})</translation>
    </message>
    <message>
        <source>only the trainer who created exercise {exercise!r} ({creator}) or an administrator may archive or unarchive it, not {username}</source>
        <translation>hanya pelatih yang membuat latihan {exercise!r} ({creator}) atau administrator yang boleh mengarsipkan atau mengeluarkannya dari arsip, bukan {username}</translation>
    </message>
    <message>
        <source>the command line&apos;s operator</source>
        <translation>operator baris perintah</translation>
    </message>
    <message>
        <source>exercise {exercise!r} is {status}: only an ended session can be archived</source>
        <translation>latihan {exercise!r} berstatus {status}: hanya sesi yang sudah berakhir yang dapat diarsipkan</translation>
    </message>
    <message>
        <source>{role}: {reason}</source>
        <translation>{role}: {reason}</translation>
    </message>
    <message>
        <source>a character device, not a regular file</source>
        <translation>perangkat karakter, bukan berkas biasa</translation>
    </message>
    <message>
        <source>a block device, not a regular file</source>
        <translation>perangkat blok, bukan berkas biasa</translation>
    </message>
    <message>
        <source>a named pipe, not a regular file</source>
        <translation>pipa bernama, bukan berkas biasa</translation>
    </message>
    <message>
        <source>a socket, not a regular file</source>
        <translation>soket, bukan berkas biasa</translation>
    </message>
    <message>
        <source>no such file</source>
        <translation>berkas tidak ada</translation>
    </message>
    <message>
        <source>cannot read: {reason}</source>
        <translation>tidak dapat dibaca: {reason}</translation>
    </message>
    <message>
        <source>a folder, not a file</source>
        <translation>sebuah folder, bukan berkas</translation>
    </message>
    <message>
        <source>a special file, not a regular file</source>
        <translation>berkas khusus, bukan berkas biasa</translation>
    </message>
    <message>
        <source>{name}: {problem}</source>
        <translation>{name}: {problem}</translation>
    </message>
    <message>
        <source>no exercise sessions</source>
        <translation>tidak ada sesi latihan</translation>
    </message>
    <message>
        <source>no exercise sessions (--archived lists the archived ones)</source>
        <translation>tidak ada sesi latihan (--archived menampilkan yang diarsipkan)</translation>
    </message>
    <message>
        <source>{status}, archived</source>
        <translation>{status}, diarsipkan</translation>
    </message>
    <message>
        <source>{filled} of {roles} roles filled</source>
        <translation>{filled} dari {roles} peran terisi</translation>
    </message>
    <message>
        <source>created {when}</source>
        <translation>dibuat {when}</translation>
    </message>
    <message>
        <source>Waiting for the hand-over “{title}” from {sender}: your choices are offered once it has arrived.</source>
        <translation>Menunggu serah terima “{title}” dari {sender}: pilihan Anda ditawarkan begitu serah terima itu tiba.</translation>
    </message>
    <message>
        <source>its case clock at {hours} or later</source>
        <translation>waktu kasusnya menunjukkan {hours} atau lebih</translation>
    </message>
    <message>
        <source>its case clock past {hours}</source>
        <translation>waktu kasusnya lewat dari {hours}</translation>
    </message>
    <message>
        <source>its case clock at {hours} or earlier</source>
        <translation>waktu kasusnya menunjukkan {hours} atau kurang</translation>
    </message>
    <message>
        <source>its case clock before {hours}</source>
        <translation>waktu kasusnya sebelum {hours}</translation>
    </message>
    <message>
        <source>its case clock at {hours}</source>
        <translation>waktu kasusnya tepat {hours}</translation>
    </message>
    <message>
        <source>its case clock not at {hours}</source>
        <translation>waktu kasusnya bukan {hours}</translation>
    </message>
    <message>
        <source>its case clock</source>
        <translation>waktu kasusnya</translation>
    </message>
    <message>
        <source>{hours} h</source>
        <translation>{hours} jam</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <source>{variable}: {value}</source>
        <translation>{variable}: {value}</translation>
    </message>
    <message>
        <source>not {condition}</source>
        <translation>bukan {condition}</translation>
    </message>
    <message>
        <source> and </source>
        <translation> dan </translation>
    </message>
    <message>
        <source> or </source>
        <translation> atau </translation>
    </message>
    <message>
        <source>by hand</source>
        <translation>manual oleh pelatih</translation>
    </message>
    <message>
        <source>at {hours} on its clock</source>
        <translation>pada {hours} waktu perannya</translation>
    </message>
    <message>
        <source>when {condition}</source>
        <translation>saat {condition}</translation>
    </message>
    <message>
        <source>--list lists the injects: give no inject, --text or --to with it</source>
        <translation>--list mendaftar inject: jangan beri inject, --text atau --to bersamanya</translation>
    </message>
    <message>
        <source>session {session}: the case has no injects</source>
        <translation>sesi {session}: kasus ini tidak memiliki inject</translation>
    </message>
    <message>
        <source>“{title}”: to {roles}; {trigger}; {fired}</source>
        <translation>“{title}”: kepada {roles}; {trigger}; {fired}</translation>
    </message>
    <message>
        <source>fired for {roles}</source>
        <translation>sudah dipicu untuk {roles}</translation>
    </message>
    <message>
        <source>not fired yet</source>
        <translation>belum dipicu</translation>
    </message>
</context>
</TS>
