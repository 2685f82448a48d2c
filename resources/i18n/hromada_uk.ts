<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>App</name>
    <message>
        <source>Something went wrong: {error}

Your data is safe. The details were written to {file}.</source>
        <extracomment>Base font size in points: Windows&apos; 9 pt default is small for many hub visitors and staff.</extracomment>
        <translation>Щось пішло не так: {error}

Ваші дані в безпеці. Подробиці записано у файл {file}.</translation>
    </message>
    <message>
        <source>The database could not be opened.</source>
        <translation>Не вдалося відкрити базу даних.</translation>
    </message>
    <message>
        <source>The data folder cannot be used.</source>
        <translation>Неможливо використати теку з даними.</translation>
    </message>
</context>
<context>
    <name>Dedupe</name>
    <message>
        <source>same phone number</source>
        <translation>той самий номер телефону</translation>
    </message>
    <message>
        <source>same name and birth year</source>
        <translation>те саме імʼя та рік народження</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Record type</source>
        <extracomment>table -&gt; its own fields (without the common columns), in data-model order. table -&gt; fields that must have a value. Beyond the starred fields of data-model.md, the lookup tables need a name (and code): a nameless district or office cannot be picked. field name -&gt; English label (same meaning in every table that has the field).</extracomment>
        <translation>Тип запису</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation>Збережене значення</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Інше значення</translation>
    </message>
    <message>
        <source>Kept value time</source>
        <translation>Час збереженого значення</translation>
    </message>
    <message>
        <source>Other value time</source>
        <translation>Час іншого значення</translation>
    </message>
    <message>
        <source>Other device</source>
        <translation>Інший пристрій</translation>
    </message>
    <message>
        <source>Resolved at</source>
        <translation>Коли розвʼязано</translation>
    </message>
    <message>
        <source>Resolved by</source>
        <translation>Хто розвʼязав</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Starosta</source>
        <translation>Староста</translation>
    </message>
    <message>
        <source>Community</source>
        <translation>Громада</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Starosta district</source>
        <translation>Старостинський округ</translation>
    </message>
    <message>
        <source>KATOTTG code</source>
        <translation>Код КАТОТТГ</translation>
    </message>
    <message>
        <source>Short name</source>
        <translation>Коротка назва</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населений пункт</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>Адреса</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Електронна пошта</translation>
    </message>
    <message>
        <source>Opened on</source>
        <translation>Дата відкриття</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Діє</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>Код</translation>
    </message>
    <message>
        <source>Name in Ukrainian</source>
        <translation>Назва українською</translation>
    </message>
    <message>
        <source>Name in English</source>
        <translation>Назва англійською</translation>
    </message>
    <message>
        <source>Sort order</source>
        <translation>Порядок у списку</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Офіс</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Прізвище</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Імʼя</translation>
    </message>
    <message>
        <source>Patronymic</source>
        <translation>По батькові</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Стать</translation>
    </message>
    <message>
        <source>Birth year</source>
        <translation>Рік народження</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>Вікова група</translation>
    </message>
    <message>
        <source>Internally displaced</source>
        <translation>Внутрішньо переміщена особа</translation>
    </message>
    <message>
        <source>Disability</source>
        <translation>Інвалідність</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Примітки</translation>
    </message>
    <message>
        <source>Consent given at</source>
        <translation>Згоду надано</translation>
    </message>
    <message>
        <source>Consent text version</source>
        <translation>Версія тексту згоди</translation>
    </message>
    <message>
        <source>Consent method</source>
        <translation>Спосіб надання згоди</translation>
    </message>
    <message>
        <source>Consent withdrawn at</source>
        <translation>Згоду відкликано</translation>
    </message>
    <message>
        <source>EDRPOU code</source>
        <translation>Код ЄДРПОУ</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Організаційно-правова форма</translation>
    </message>
    <message>
        <source>Areas of work</source>
        <translation>Напрями діяльності</translation>
    </message>
    <message>
        <source>Website</source>
        <translation>Вебсайт</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>Дата реєстрації</translation>
    </message>
    <message>
        <source>Memorandum</source>
        <translation>Меморандум</translation>
    </message>
    <message>
        <source>Memorandum signed on</source>
        <translation>Дата підписання меморандуму</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Організація</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Особа</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>У складі з</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>У складі до</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Start time</source>
        <translation>Початок</translation>
    </message>
    <message>
        <source>End time</source>
        <translation>Завершення</translation>
    </message>
    <message>
        <source>Capacity</source>
        <translation>Кількість місць</translation>
    </message>
    <message>
        <source>Organising office</source>
        <translation>Офіс-організатор</translation>
    </message>
    <message>
        <source>Organising CSO</source>
        <translation>ГО-організатор</translation>
    </message>
    <message>
        <source>Participation level</source>
        <translation>Рівень участі</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Опис</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Подія</translation>
    </message>
    <message>
        <source>Checked in at</source>
        <translation>Час реєстрації</translation>
    </message>
    <message>
        <source>Knowledge improved</source>
        <translation>Знання покращилися</translation>
    </message>
    <message>
        <source>Would recommend</source>
        <translation>Порекомендує іншим</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Оцінка</translation>
    </message>
    <message>
        <source>Feedback comment</source>
        <translation>Відгук</translation>
    </message>
    <message>
        <source>Authority</source>
        <translation>Орган влади</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Спосіб</translation>
    </message>
    <message>
        <source>Opens on</source>
        <translation>Дата початку</translation>
    </message>
    <message>
        <source>Closes on</source>
        <translation>Дата завершення</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Консультація</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Received via</source>
        <translation>Спосіб отримання</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Дата отримання</translation>
    </message>
    <message>
        <source>Response</source>
        <translation>Відповідь</translation>
    </message>
    <message>
        <source>Responded on</source>
        <translation>Дата відповіді</translation>
    </message>
    <message>
        <source>Visited at</source>
        <translation>Час візиту</translation>
    </message>
    <message>
        <source>Participation tool</source>
        <translation>Інструмент участі</translation>
    </message>
    <message>
        <source>Follow up on</source>
        <translation>Дата повторного контакту</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Працівник</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>Категорія</translation>
    </message>
    <message>
        <source>Author</source>
        <translation>Автор</translation>
    </message>
    <message>
        <source>Attached to</source>
        <translation>Належить до</translation>
    </message>
    <message>
        <source>Attached to record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Назва файлу</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Тип файлу</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Розмір</translation>
    </message>
</context>
<context>
    <name>Forms</name>
    <message>
        <source>Yes</source>
        <translation>Так</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Ні</translation>
    </message>
    <message>
        <source>Not known</source>
        <translation>Невідомо</translation>
    </message>
    <message>
        <source>DD.MM.YYYY</source>
        <translation>ДД.ММ.РРРР</translation>
    </message>
    <message>
        <source>Choose a date</source>
        <translation>Вибрати дату</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <extracomment>Emitted by a successful `save()` with the cleaned values (ready for Store.insert). Emitted whenever the record turns valid or invalid (e.g. to enable a toolbar button).</extracomment>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <source>Problem with {field}</source>
        <translation>Проблема з полем «{field}»</translation>
    </message>
    <message>
        <source>* required</source>
        <translation>* — обовʼязкові поля</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections</source>
        <extracomment>The smallest useful window; the design target is 1366×728 (768 minus the taskbar).</extracomment>
        <translation>Розділи</translation>
    </message>
    <message>
        <source>Review…</source>
        <translation>Переглянути…</translation>
    </message>
    <message>
        <source>Review conflicts and refused changes</source>
        <translation>Переглянути конфлікти та відхилені зміни</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронізувати</translation>
    </message>
    <message>
        <source>Sync with the council&apos;s platform now</source>
        <translation>Синхронізувати з платформою ради зараз</translation>
    </message>
    <message>
        <source>Sync with the council&apos;s platform now (F5)</source>
        <translation>Синхронізувати з платформою ради зараз (F5)</translation>
    </message>
    <message>
        <source>There is nothing to search on this screen.</source>
        <translation>На цьому екрані немає пошуку.</translation>
    </message>
    <message>
        <source>Nothing can be created on this screen.</source>
        <translation>На цьому екрані не можна створити запис.</translation>
    </message>
    <message>
        <source>Sync status: {state}</source>
        <translation>Стан синхронізації: {state}</translation>
    </message>
    <message>
        <source>Review ({n})…</source>
        <translation>Переглянути ({n})…</translation>
    </message>
    <message>
        <source>Office: {name}</source>
        <translation>Офіс: {name}</translation>
    </message>
    <message>
        <source>not chosen</source>
        <translation>не вибрано</translation>
    </message>
    <message>
        <source>Staff: {name}</source>
        <translation>Працівник: {name}</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Events</source>
        <extracomment>Navigation order; Ctrl+1 .. Ctrl+9 follow it. Title and icon of screens not built yet (their placeholders use these).</extracomment>
        <translation>Події</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Реєстрація</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Ideas &amp; appeals</source>
        <translation>Ідеї та звернення</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Консультації</translation>
    </message>
    <message>
        <source>CSOs</source>
        <translation>Громадські організації</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Звіти</translation>
    </message>
    <message>
        <source>This part of Hromada Desk is still being built and will arrive with an update. Everything else works as usual.</source>
        <translation>Цей розділ Hromada Desk ще в розробці й зʼявиться з оновленням. Усе інше працює як звичайно.</translation>
    </message>
    <message>
        <source>Settings</source>
        <extracomment>Language choices, each named in its own language (so anyone can find theirs).</extracomment>
        <translation>Налаштування</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сьогодні</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>This device</source>
        <translation>Цей пристрій</translation>
    </message>
    <message>
        <source>Office of this device</source>
        <translation>Офіс цього пристрою</translation>
    </message>
    <message>
        <source>Staff member working on this device</source>
        <translation>Працівник, який працює на цьому пристрої</translation>
    </message>
    <message>
        <source>&amp;Office:</source>
        <translation>&amp;Офіс:</translation>
    </message>
    <message>
        <source>Staff &amp;member:</source>
        <translation>&amp;Працівник:</translation>
    </message>
    <message>
        <source>Events, visits and ideas entered here are recorded for this office, and every change is signed with the staff member&apos;s name.</source>
        <translation>Події, візити та ідеї, внесені тут, записуються на цей офіс, а кожна зміна підписується імʼям працівника.</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Мова</translation>
    </message>
    <message>
        <source>Language of the app</source>
        <translation>Мова програми</translation>
    </message>
    <message>
        <source>&amp;Language of the app:</source>
        <translation>&amp;Мова програми:</translation>
    </message>
    <message>
        <source>The new language is used after the app restarts.</source>
        <translation>Нова мова запрацює після перезапуску програми.</translation>
    </message>
    <message>
        <source>&amp;Restart now</source>
        <translation>Пере&amp;запустити зараз</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Дані</translation>
    </message>
    <message>
        <source>Data &amp;folder:</source>
        <translation>&amp;Тека даних:</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Тека даних</translation>
    </message>
    <message>
        <source>O&amp;pen folder</source>
        <translation>&amp;Відкрити теку</translation>
    </message>
    <message>
        <source>&amp;Back up now…</source>
        <translation>&amp;Створити резервну копію…</translation>
    </message>
    <message>
        <source>R&amp;estore from a backup…</source>
        <translation>Від&amp;новити з резервної копії…</translation>
    </message>
    <message>
        <source>A backup is a single file with everything in this database. Keep one on a USB stick: if the laptop is lost or broken, the office&apos;s records can be restored on another computer.</source>
        <translation>Резервна копія — це один файл з усіма даними цієї бази. Зберігайте копію на флешці: якщо ноутбук загубиться чи зламається, записи офісу можна буде відновити на іншому компʼютері.</translation>
    </message>
    <message>
        <source>Council&apos;s platform</source>
        <translation>Платформа міської ради</translation>
    </message>
    <message>
        <source>Platform &amp;address:</source>
        <translation>&amp;Адреса платформи:</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>Адреса платформи</translation>
    </message>
    <message>
        <source>One-time &amp;code:</source>
        <translation>Одноразовий &amp;код:</translation>
    </message>
    <message>
        <source>One-time enrollment code</source>
        <translation>Одноразовий код підключення</translation>
    </message>
    <message>
        <source>Co&amp;nnect this device</source>
        <translation>&amp;Підключити цей компʼютер</translation>
    </message>
    <message>
        <source>The council&apos;s staff give you the address and a one-time code. After connecting, the app sends new records and receives the council&apos;s answers by itself whenever there is internet.</source>
        <translation>Адресу та одноразовий код видають працівники міської ради. Після підключення програма сама надсилає нові записи й отримує відповіді ради, щойно зʼявляється інтернет.</translation>
    </message>
    <message>
        <source>— not chosen —</source>
        <translation>— не вибрано —</translation>
    </message>
    <message>
        <source>This device is connected to {url}.</source>
        <translation>Цей компʼютер підключено до {url}.</translation>
    </message>
    <message>
        <source>Co&amp;nnect again with a new code</source>
        <translation>&amp;Підключити знову з новим кодом</translation>
    </message>
    <message>
        <source>Not connected yet. Everything is kept safely on this computer.</source>
        <translation>Ще не підключено. Усі дані надійно зберігаються на цьому компʼютері.</translation>
    </message>
    <message>
        <source>Enter the platform address and the one-time code.</source>
        <translation>Введіть адресу платформи та одноразовий код.</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Підключення…</translation>
    </message>
    <message>
        <source>Connected as a device of {office}.</source>
        <translation>Підключено як компʼютер: {office}.</translation>
    </message>
    <message>
        <source>the council</source>
        <translation>міська рада</translation>
    </message>
    <message>
        <source>No system password store was found, so the access key is kept in a private file in the data folder.</source>
        <translation>Системне сховище паролів не знайдено, тому ключ доступу збережено в закритому файлі в теці даних.</translation>
    </message>
    <message>
        <source>Not connected: {reason}</source>
        <translation>Не підключено: {reason}</translation>
    </message>
    <message>
        <source>Save a backup</source>
        <translation>Збереження резервної копії</translation>
    </message>
    <message>
        <source>Hromada Desk backups (*.sqlite3);;All files (*)</source>
        <translation>Резервні копії Hromada Desk (*.sqlite3);;Усі файли (*)</translation>
    </message>
    <message>
        <source>A backup cannot replace the database itself. Choose another file name.</source>
        <translation>Резервна копія не може замінити саму базу даних. Виберіть іншу назву файлу.</translation>
    </message>
    <message>
        <source>Saving a backup…</source>
        <translation>Зберігаємо резервну копію…</translation>
    </message>
    <message>
        <source>Backup saved: {file}</source>
        <translation>Резервну копію збережено: {file}</translation>
    </message>
    <message>
        <source>The backup was not saved. {reason}</source>
        <translation>Резервну копію не збережено. {reason}</translation>
    </message>
    <message>
        <source>Choose a backup to restore</source>
        <translation>Виберіть резервну копію для відновлення</translation>
    </message>
    <message>
        <source>Restore from a backup?</source>
        <translation>Відновити з резервної копії?</translation>
    </message>
    <message>
        <source>The records in this app will be replaced by the ones in
{file}

Anything entered since that backup was made will no longer be shown. The current records are first saved as a backup in
{folder}
so this can be undone.

The app restarts afterwards.</source>
        <translation>Записи в програмі буде замінено записами з файлу
{file}

Усе, що внесли після створення цієї копії, більше не показуватиметься. Спершу поточні записи буде збережено як резервну копію в теці
{folder}
тож цю дію можна буде скасувати.

Після цього програма перезапуститься.</translation>
    </message>
    <message>
        <source>That file is the database in use. Choose a backup file.</source>
        <translation>Цей файл — база даних, яка зараз використовується. Виберіть файл резервної копії.</translation>
    </message>
    <message>
        <source>Nothing was changed: {reason}</source>
        <translation>Нічого не змінено: {reason}</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>Відновлюємо резервну копію…</translation>
    </message>
    <message>
        <source>The backup has been restored.</source>
        <translation>Резервну копію відновлено.</translation>
    </message>
    <message>
        <source>The previous records were kept in {file}.</source>
        <translation>Попередні записи збережено у файлі {file}.</translation>
    </message>
    <message>
        <source>Restored</source>
        <translation>Відновлено</translation>
    </message>
    <message>
        <source>The app will now restart.</source>
        <translation>Зараз програма перезапуститься.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>This device is not connected to the council&apos;s platform yet: enroll it in Settings.</source>
        <translation>Цей компʼютер ще не підключено до платформи ради: підключіть його в Налаштуваннях.</translation>
    </message>
    <message>
        <source>Syncing…</source>
        <translation>Синхронізація…</translation>
    </message>
    <message>
        <source>Syncing with the council&apos;s platform…</source>
        <translation>Синхронізація з платформою ради…</translation>
    </message>
    <message>
        <source>Sent {sent}, received {received}.</source>
        <translation>Надіслано: {sent}, отримано: {received}.</translation>
    </message>
    <message>
        <source>Sync stopped because of an unexpected problem; it will try again.</source>
        <translation>Синхронізацію зупинено через непередбачену проблему; програма спробує ще раз.</translation>
    </message>
    <message>
        <source>Not connected to the platform</source>
        <translation>Не підключено до платформи</translation>
    </message>
    <message>
        <source>Everything is kept on this computer. Enroll the device in Settings to send it to the council.</source>
        <translation>Усі дані зберігаються на цьому компʼютері. Щоб надсилати їх до ради, підключіть компʼютер у Налаштуваннях.</translation>
    </message>
    <message>
        <source>never</source>
        <translation>ніколи</translation>
    </message>
    <message>
        <source>Synced {when}</source>
        <translation>Синхронізовано {when}</translation>
    </message>
    <message>
        <source>{n} waiting</source>
        <translation>очікують: {n}</translation>
    </message>
    <message>
        <source>{n} conflicts</source>
        <translation>конфліктів: {n}</translation>
    </message>
    <message>
        <source>{n} refused</source>
        <translation>відхилено: {n}</translation>
    </message>
    <message>
        <source>offline</source>
        <translation>немає звʼязку</translation>
    </message>
    <message>
        <source>Last successful sync: {when}</source>
        <translation>Остання успішна синхронізація: {when}</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: {n}</source>
        <translation>Змін очікує надсилання: {n}</translation>
    </message>
    <message>
        <source>Last problem: {text}</source>
        <translation>Остання проблема: {text}</translation>
    </message>
</context>
<context>
    <name>SyncErrors</name>
    <message>
        <source>This device is not enrolled yet: enroll it in Settings (or run hromada-desk enroll URL CODE).</source>
        <translation>Цей компʼютер ще не підключено: підключіть його в Налаштуваннях (або виконайте hromada-desk enroll URL CODE).</translation>
    </message>
    <message>
        <source>The sync token of this device is missing; enroll it again.</source>
        <translation>Ключ синхронізації цього компʼютера відсутній; підключіть його знову.</translation>
    </message>
    <message>
        <source>Sync was cancelled; it will continue where it stopped.</source>
        <translation>Синхронізацію скасовано; вона продовжиться з того місця, де зупинилася.</translation>
    </message>
    <message>
        <source>Another sync is already running on this device.</source>
        <translation>На цьому компʼютері вже триває синхронізація.</translation>
    </message>
    <message>
        <source>The platform&apos;s certificate could not be verified; sync stopped to keep the data safe.</source>
        <translation>Не вдалося перевірити сертифікат платформи; синхронізацію зупинено, щоб зберегти дані в безпеці.</translation>
    </message>
    <message>
        <source>No connection to the platform; it will try again later.</source>
        <translation>Немає звʼязку з платформою; програма спробує пізніше.</translation>
    </message>
</context>
<context>
    <name>SyncReview</name>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>CSOs</source>
        <translation>ГО</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>Ідеї</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Участь</translation>
    </message>
    <message>
        <source>Advice visits</source>
        <translation>Консультації в офісі</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Консультації</translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation>Пропозиції</translation>
    </message>
    <message>
        <source>CSO members</source>
        <translation>Члени ГО</translation>
    </message>
    <message>
        <source>Sync: to review</source>
        <translation>Синхронізація: потребує перегляду</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Kept value</source>
        <translation>Збережене значення</translation>
    </message>
    <message>
        <source>Other value</source>
        <translation>Інше значення</translation>
    </message>
    <message>
        <source>Why the platform refused it</source>
        <translation>Чому платформа відхилила</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Особа</translation>
    </message>
    <message>
        <source>Possibly the same as</source>
        <translation>Можливо, та сама особа, що й</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>Чому</translation>
    </message>
    <message>
        <source>Use the other value</source>
        <translation>Взяти інше значення</translation>
    </message>
    <message>
        <source>Keep the current value</source>
        <translation>Залишити поточне значення</translation>
    </message>
    <message>
        <source>Two offices changed the same field while offline. The later change was kept; the other value is here so that nothing is lost.</source>
        <translation>Два офіси змінили те саме поле без звʼязку. Збережено пізнішу зміну; інше значення показано тут, щоб нічого не загубилося.</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Закрити</translation>
    </message>
    <message>
        <source>The platform did not accept these changes. They stay on this computer; correct the record and the correction will be sent.</source>
        <translation>Платформа не прийняла ці зміни. Вони залишаються на цьому компʼютері; виправте запис — і виправлення буде надіслано.</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>Це різні люди</translation>
    </message>
    <message>
        <source>Registered on two computers with the same phone, or the same name and year of birth. Merge them in People if they are one person.</source>
        <translation>Зареєстровано на двох компʼютерах з тим самим телефоном або тим самим імʼям і роком народження. Якщо це одна людина, обʼєднайте записи в розділі «Люди».</translation>
    </message>
    <message>
        <source>Conflicts ({n})</source>
        <translation>Конфлікти ({n})</translation>
    </message>
    <message>
        <source>Refused ({n})</source>
        <translation>Відхилені ({n})</translation>
    </message>
    <message>
        <source>Possible duplicates ({n})</source>
        <translation>Можливі дублікати ({n})</translation>
    </message>
</context>
<context>
    <name>TodayScreen</name>
    <message>
        <source>This device is not linked to an office yet, so the lists show every office. Choose the office in Settings.</source>
        <extracomment>Emitted after the summary has been loaded and shown (tests wait for it).</extracomment>
        <translation>Цей пристрій ще не привʼязано до офісу, тому списки показують усі офіси. Виберіть офіс у налаштуваннях.</translation>
    </message>
    <message>
        <source>Open Settings</source>
        <translation>Відкрити налаштування</translation>
    </message>
    <message>
        <source>Events today and in the next two weeks</source>
        <translation>Події сьогодні та в найближчі два тижні</translation>
    </message>
    <message>
        <source>No events are planned for the next two weeks.</source>
        <translation>На найближчі два тижні подій не заплановано.</translation>
    </message>
    <message>
        <source>Ideas and appeals waiting for the council&apos;s answer</source>
        <translation>Ідеї та звернення, що чекають відповіді ради</translation>
    </message>
    <message>
        <source>Every idea and appeal has been answered.</source>
        <translation>На всі ідеї та звернення надано відповідь.</translation>
    </message>
    <message>
        <source>Follow-ups due after advice visits</source>
        <translation>Повторні контакти після консультацій</translation>
    </message>
    <message>
        <source>No follow-ups are due this week.</source>
        <translation>Цього тижня повторних контактів не заплановано.</translation>
    </message>
    <message>
        <source>Sending to the council&apos;s platform</source>
        <translation>Надсилання на платформу ради</translation>
    </message>
    <message>
        <source>Everything is kept safely on this computer. Changes are sent whenever there is an internet connection.</source>
        <translation>Усі дані надійно зберігаються на цьому компʼютері. Зміни надсилаються, щойно зʼявляється інтернет.</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Налаштування…</translation>
    </message>
    <message>
        <source>All offices</source>
        <translation>Усі офіси</translation>
    </message>
    <message>
        <source>received {date}</source>
        <translation>отримано {date}</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Відвідувач</translation>
    </message>
    <message>
        <source>Last sync: {when}</source>
        <translation>Остання синхронізація: {when}</translation>
    </message>
    <message>
        <source>Not synced with the platform yet.</source>
        <translation>Ще не синхронізовано з платформою.</translation>
    </message>
    <message>
        <source>Changes waiting to be sent: {count}</source>
        <translation>Змін очікує надсилання: {count}</translation>
    </message>
    <message>
        <source>Nothing is waiting to be sent.</source>
        <translation>Усі зміни надіслано.</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>Сьогодні</translation>
    </message>
    <message>
        <source>Tomorrow</source>
        <translation>Завтра</translation>
    </message>
    <message>
        <source>overdue since {date}</source>
        <translation>прострочено з {date}</translation>
    </message>
    <message>
        <source>due today</source>
        <translation>сьогодні</translation>
    </message>
    <message>
        <source>due {date}</source>
        <translation>до {date}</translation>
    </message>
</context>
<context>
    <name>Validation</name>
    <message>
        <source>EDRPOU code must be exactly 8 digits</source>
        <translation>Код ЄДРПОУ має складатися рівно з 8 цифр</translation>
    </message>
    <message>
        <source>EDRPOU code {value} has a wrong check digit</source>
        <translation>У коді ЄДРПОУ {value} неправильна контрольна цифра</translation>
    </message>
    <message>
        <source>Phone number {value} is not a valid Ukrainian number</source>
        <translation>Номер {value} не є правильним українським номером телефону</translation>
    </message>
    <message>
        <source>Phone number {value} is not a valid number</source>
        <translation>Номер {value} не є правильним номером телефону</translation>
    </message>
    <message>
        <source>{label} is required</source>
        <extracomment>Columns every record has; managed by the store, passed through untouched.</extracomment>
        <translation>Заповніть поле «{label}»</translation>
    </message>
    <message>
        <source>Unknown field</source>
        <translation>Невідоме поле</translation>
    </message>
    <message>
        <source>{label} must be text</source>
        <translation>«{label}»: має бути текст</translation>
    </message>
    <message>
        <source>{label}: &apos;{value}&apos; is not one of the allowed values</source>
        <translation>«{label}»: «{value}» не є допустимим значенням</translation>
    </message>
    <message>
        <source>{label} must be a date like 2025-03-31, not &apos;{value}&apos;</source>
        <translation>«{label}»: вкажіть дату у вигляді 31.03.2025, а не «{value}»</translation>
    </message>
    <message>
        <source>{label} must be a date and time like 2025-03-31T14:30, not &apos;{value}&apos;</source>
        <translation>«{label}»: вкажіть дату й час у вигляді 2025-03-31 14:30, а не «{value}»</translation>
    </message>
    <message>
        <source>{label} must be a whole number, not &apos;{value}&apos;</source>
        <translation>«{label}»: має бути ціле число, а не «{value}»</translation>
    </message>
    <message>
        <source>{label} must be between {low} and {high}</source>
        <translation>«{label}»: має бути від {low} до {high}</translation>
    </message>
    <message>
        <source>{label} must not be negative</source>
        <translation>«{label}»: не може бути відʼємним</translation>
    </message>
    <message>
        <source>{label} must be yes or no, not &apos;{value}&apos;</source>
        <translation>«{label}»: має бути «так» або «ні», а не «{value}»</translation>
    </message>
    <message>
        <source>{value} is not a valid email address</source>
        <translation>{value} не є правильною адресою електронної пошти</translation>
    </message>
    <message>
        <source>{value} is not a valid web address</source>
        <translation>{value} не є правильною вебадресою</translation>
    </message>
    <message>
        <source>KATOTTG code must be UA followed by 17 digits</source>
        <translation>Код КАТОТТГ має складатися з літер UA і 17 цифр</translation>
    </message>
    <message>
        <source>SHA-256 must be 64 hexadecimal characters</source>
        <translation>SHA-256 має складатися з 64 шістнадцяткових символів</translation>
    </message>
    <message>
        <source>{label} must be lower-case Latin letters, digits and _, not &apos;{value}&apos;</source>
        <translation>«{label}»: лише малі латинські літери, цифри та _, а не «{value}»</translation>
    </message>
    <message>
        <source>{label} must not be before {other_label}</source>
        <translation>«{label}» не може бути раніше, ніж «{other_label}»</translation>
    </message>
    <message>
        <source>{label} is required when consent is recorded</source>
        <translation>«{label}»: обовʼязково, якщо зафіксовано згоду</translation>
    </message>
</context>
<context>
    <name>Vocab</name>
    <message>
        <source>Female</source>
        <translation>Жінка</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Чоловік</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Інше</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Не зазначено</translation>
    </message>
    <message>
        <source>Under 18</source>
        <translation>До 18 років</translation>
    </message>
    <message>
        <source>18–35</source>
        <translation>18–35 років</translation>
    </message>
    <message>
        <source>36–59</source>
        <translation>36–59 років</translation>
    </message>
    <message>
        <source>60 and over</source>
        <translation>60 років і старше</translation>
    </message>
    <message>
        <source>On paper</source>
        <translation>На папері</translation>
    </message>
    <message>
        <source>Verbal</source>
        <translation>Усно</translation>
    </message>
    <message>
        <source>Electronic</source>
        <translation>Електронно</translation>
    </message>
    <message>
        <source>Public organisation</source>
        <translation>Громадська організація</translation>
    </message>
    <message>
        <source>Charitable organisation</source>
        <translation>Благодійна організація</translation>
    </message>
    <message>
        <source>Public union</source>
        <translation>Громадська спілка</translation>
    </message>
    <message>
        <source>Residents&apos; self-organisation body</source>
        <translation>Орган самоорганізації населення</translation>
    </message>
    <message>
        <source>Religious organisation</source>
        <translation>Релігійна організація</translation>
    </message>
    <message>
        <source>Trade union</source>
        <translation>Професійна спілка</translation>
    </message>
    <message>
        <source>Initiative group</source>
        <translation>Ініціативна група</translation>
    </message>
    <message>
        <source>Youth</source>
        <translation>Молодь</translation>
    </message>
    <message>
        <source>Children</source>
        <translation>Діти</translation>
    </message>
    <message>
        <source>Veterans</source>
        <translation>Ветерани</translation>
    </message>
    <message>
        <source>Education</source>
        <translation>Освіта</translation>
    </message>
    <message>
        <source>Ecology</source>
        <translation>Екологія</translation>
    </message>
    <message>
        <source>Culture</source>
        <translation>Культура</translation>
    </message>
    <message>
        <source>Social services</source>
        <translation>Соціальні послуги</translation>
    </message>
    <message>
        <source>Human rights</source>
        <translation>Права людини</translation>
    </message>
    <message>
        <source>Local development</source>
        <translation>Місцевий розвиток</translation>
    </message>
    <message>
        <source>Health</source>
        <translation>Охорона здоровʼя</translation>
    </message>
    <message>
        <source>Sport</source>
        <translation>Спорт</translation>
    </message>
    <message>
        <source>Support for displaced people</source>
        <translation>Підтримка ВПО</translation>
    </message>
    <message>
        <source>Women and gender equality</source>
        <translation>Жінки та гендерна рівність</translation>
    </message>
    <message>
        <source>Older people</source>
        <translation>Люди старшого віку</translation>
    </message>
    <message>
        <source>People with disabilities</source>
        <translation>Люди з інвалідністю</translation>
    </message>
    <message>
        <source>Head</source>
        <translation>Голова</translation>
    </message>
    <message>
        <source>Deputy head</source>
        <translation>Заступник(-ця) голови</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Член(-киня)</translation>
    </message>
    <message>
        <source>Volunteer</source>
        <translation>Волонтер(-ка)</translation>
    </message>
    <message>
        <source>Contact person</source>
        <translation>Контактна особа</translation>
    </message>
    <message>
        <source>Planned</source>
        <translation>Заплановано</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Проведено</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Скасовано</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>Інформування</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Консультування</translation>
    </message>
    <message>
        <source>Dialogue</source>
        <translation>Діалог</translation>
    </message>
    <message>
        <source>Partnership</source>
        <translation>Партнерство</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Зареєстровано</translation>
    </message>
    <message>
        <source>Attended</source>
        <translation>Був(-ла) присутній(-я)</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>Не прийшов(-ла)</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Учасник(-ця)</translation>
    </message>
    <message>
        <source>Speaker</source>
        <translation>Спікер(-ка)</translation>
    </message>
    <message>
        <source>Organiser</source>
        <translation>Організатор(-ка)</translation>
    </message>
    <message>
        <source>Facilitator</source>
        <translation>Модератор(-ка)</translation>
    </message>
    <message>
        <source>Public hearing</source>
        <translation>Громадські слухання</translation>
    </message>
    <message>
        <source>Public discussion</source>
        <translation>Громадське обговорення</translation>
    </message>
    <message>
        <source>Survey</source>
        <translation>Опитування</translation>
    </message>
    <message>
        <source>Round table</source>
        <translation>Круглий стіл</translation>
    </message>
    <message>
        <source>Written comments</source>
        <translation>Письмові пропозиції</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Онлайн</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Триває</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Завершено</translation>
    </message>
    <message>
        <source>Results published</source>
        <translation>Результати оприлюднено</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Особисто</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>Електронна пошта</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Public budget</source>
        <translation>Громадський бюджет</translation>
    </message>
    <message>
        <source>Petition</source>
        <translation>Петиція</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>Звернення</translation>
    </message>
    <message>
        <source>CSO registration</source>
        <translation>Реєстрація ГО</translation>
    </message>
    <message>
        <source>Grant</source>
        <translation>Грант</translation>
    </message>
    <message>
        <source>Proposal</source>
        <translation>Пропозиція</translation>
    </message>
    <message>
        <source>Grant application</source>
        <translation>Грантова заявка</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Нове</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>Передано</translation>
    </message>
    <message>
        <source>Under review</source>
        <translation>На розгляді</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Надано відповідь</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Підтримано</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Відхилено</translation>
    </message>
    <message>
        <source>Implemented</source>
        <translation>Реалізовано</translation>
    </message>
    <message>
        <source>City</source>
        <translation>Місто</translation>
    </message>
    <message>
        <source>Urban-type settlement</source>
        <translation>Селище міського типу</translation>
    </message>
    <message>
        <source>Village</source>
        <translation>Село</translation>
    </message>
    <message>
        <source>Rural settlement</source>
        <translation>Селище</translation>
    </message>
    <message>
        <source>Liaison office</source>
        <translation>Офіс звʼязку</translation>
    </message>
    <message>
        <source>CSO hub</source>
        <translation>Хаб громадянського суспільства</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Адміністратор(-ка)</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Оператор(-ка)</translation>
    </message>
    <message>
        <source>Council officer</source>
        <translation>Працівник(-ця) ради</translation>
    </message>
    <message>
        <source>Discussion</source>
        <translation>Обговорення</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>Тренінг</translation>
    </message>
    <message>
        <source>Forum</source>
        <translation>Форум</translation>
    </message>
    <message>
        <source>Meeting</source>
        <translation>Зустріч</translation>
    </message>
    <message>
        <source>Consultation session</source>
        <translation>Консультаційна сесія</translation>
    </message>
    <message>
        <source>Roads</source>
        <translation>Дороги</translation>
    </message>
    <message>
        <source>Street lighting</source>
        <translation>Вуличне освітлення</translation>
    </message>
    <message>
        <source>Landscaping</source>
        <translation>Благоустрій</translation>
    </message>
    <message>
        <source>Social support</source>
        <translation>Соціальний захист</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>Транспорт</translation>
    </message>
    <message>
        <source>Safety</source>
        <translation>Безпека</translation>
    </message>
</context>
<context>
    <name>Workers</name>
    <message>
        <source>Working…</source>
        <extracomment>Milliseconds before the busy cursor, and before the progress dialog.</extracomment>
        <translation>Виконується…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>Зупиняємо…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Please wait</source>
        <translation>Зачекайте</translation>
    </message>
    <message>
        <source>No permission to use {file}.</source>
        <extracomment>Tasks still running: referenced here so Python does not collect them mid-job.</extracomment>
        <translation>Немає дозволу на {file}.</translation>
    </message>
    <message>
        <source>The file could not be used: {reason}</source>
        <translation>Не вдалося використати файл: {reason}</translation>
    </message>
    <message>
        <source>Something went wrong: {error}</source>
        <translation>Щось пішло не так: {error}</translation>
    </message>
    <message>
        <source>Could not finish</source>
        <translation>Не вдалося завершити</translation>
    </message>
</context>
</TS>
