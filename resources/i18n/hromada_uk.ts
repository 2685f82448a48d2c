<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="uk_UA">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About {app}</source>
        <translation>Про {app}</translation>
    </message>
    <message>
        <source>Registration, ideas, consultations and the CSO directory for liaison offices and CSO hubs.

If something does not work, copy the summary below into a message to whoever supports your office. It holds no names or phones of residents.</source>
        <translation>Реєстрація, ідеї, консультації та довідник ГО для офісів зв’язку і хабів громадянського суспільства.

Якщо щось не працює, скопіюйте підсумок нижче в повідомлення тому, хто підтримує ваш офіс. У ньому немає імен чи телефонів мешканців.</translation>
    </message>
    <message>
        <source>Diagnostic summary</source>
        <translation>Діагностичний підсумок</translation>
    </message>
    <message>
        <source>&amp;Copy the summary</source>
        <translation>&amp;Копіювати підсумок</translation>
    </message>
    <message>
        <source>Open the &amp;log folder</source>
        <translation>Відкрити теку &amp;журналу</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Скопійовано</translation>
    </message>
</context>
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
    <name>AreasField</name>
    <message>
        <source>None chosen</source>
        <translation>Нічого не вибрано</translation>
    </message>
</context>
<context>
    <name>AttachmentsBox</name>
    <message>
        <source>{size} KB</source>
        <extracomment>Statuses the council sets; on an office device they are shown, not chosen.</extracomment>
        <translation>{size} КБ</translation>
    </message>
    <message>
        <source>{size} MB</source>
        <translation>{size} МБ</translation>
    </message>
    <message>
        <source>Photos and scans</source>
        <extracomment>The pending list changed (the editor counts it as an unsaved change). Background storing finished (tests and the editor wait for it). A stored attachment was removed: (attachment id, file name), for Undo.</extracomment>
        <translation>Фото та скани</translation>
    </message>
    <message>
        <source>Attached files</source>
        <translation>Додані файли</translation>
    </message>
    <message>
        <source>&amp;Attach files…</source>
        <translation>Д&amp;одати файли…</translation>
    </message>
    <message>
        <source>Attach photos or scans</source>
        <translation>Додати фото або скани</translation>
    </message>
    <message>
        <source>Photos and scans up to {size} MB each; you can also drop files here.</source>
        <translation>Фото та скани до {size} МБ кожен; файли можна також перетягнути сюди.</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>Від&amp;крити</translation>
    </message>
    <message>
        <source>Open the chosen file</source>
        <translation>Відкрити вибраний файл</translation>
    </message>
    <message>
        <source>Re&amp;move file</source>
        <translation>Прибрати &amp;файл</translation>
    </message>
    <message>
        <source>Remove the chosen file</source>
        <translation>Прибрати вибраний файл</translation>
    </message>
    <message>
        <source>copying…</source>
        <translation>копіюється…</translation>
    </message>
    <message>
        <source>stored when you save</source>
        <translation>буде збережено разом із записом</translation>
    </message>
    <message>
        <source>Photos and scans ({count})</source>
        <translation>Фото та скани ({count})</translation>
    </message>
    <message>
        <source>No files yet. Attach photos or scans of the papers the person brought.</source>
        <translation>Файлів ще немає. Додайте фото або скани документів, які принесла людина.</translation>
    </message>
    <message>
        <source>Photos and scans (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp *.heic *.pdf);;All files (*)</source>
        <translation>Фото та скани (*.jpg *.jpeg *.png *.gif *.bmp *.tif *.tiff *.webp *.heic *.pdf);;Усі файли (*)</translation>
    </message>
    <message>
        <source>{file} cannot be read.</source>
        <translation>Не вдається прочитати файл {file}.</translation>
    </message>
    <message>
        <source>{file} is not a file.</source>
        <translation>{file} — не файл.</translation>
    </message>
    <message>
        <source>{file} is larger than {size} MB.</source>
        <translation>Файл {file} більший за {size} МБ.</translation>
    </message>
    <message>
        <source>Copying files into the data folder…</source>
        <translation>Копіювання файлів до папки з даними…</translation>
    </message>
    <message>
        <source>Not attached: {files}</source>
        <translation>Не додано: {files}</translation>
    </message>
    <message>
        <source>Not attached: {reason}</source>
        <translation>Не додано: {reason}</translation>
    </message>
    <message>
        <source>{file} is not on this computer yet; it arrives with the next sync.</source>
        <translation>Файлу {file} ще немає на цьому компʼютері; він надійде з наступною синхронізацією.</translation>
    </message>
    <message>
        <source>Opening {file}…</source>
        <translation>Відкриття {file}…</translation>
    </message>
    <message>
        <source>Remove the file?</source>
        <translation>Прибрати файл?</translation>
    </message>
    <message>
        <source>Remove {file} from this record?</source>
        <translation>Прибрати файл {file} із цього запису?</translation>
    </message>
</context>
<context>
    <name>AttendanceTable</name>
    <message>
        <source>Attendance</source>
        <extracomment>Milliseconds after the last typed letter before the title search runs.</extracomment>
        <translation>Участь</translation>
    </message>
    <message>
        <source>Women</source>
        <translation>Жінки</translation>
    </message>
    <message>
        <source>Men</source>
        <translation>Чоловіки</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Інші</translation>
    </message>
    <message>
        <source>Not stated</source>
        <translation>Не вказано</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Усього</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Записані</translation>
    </message>
    <message>
        <source>Came</source>
        <translation>Прийшли</translation>
    </message>
    <message>
        <source>Did not come</source>
        <translation>Не прийшли</translation>
    </message>
</context>
<context>
    <name>AuthorPicker</name>
    <message>
        <source>Surname, name or phone…</source>
        <translation>Прізвище, імʼя або телефон…</translation>
    </message>
    <message>
        <source>Find a person by surname, name or phone</source>
        <translation>Знайти людину за прізвищем, іменем або телефоном</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>Нова людина…</translation>
    </message>
    <message>
        <source>Add a new person</source>
        <translation>Додати нову людину</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Знайдені люди</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Прибрати</translation>
    </message>
    <message>
        <source>Remove the person from this record</source>
        <translation>Прибрати людину з цього запису</translation>
    </message>
    <message>
        <source>Agreed to the processing of personal data</source>
        <translation>Згода на обробку персональних даних</translation>
    </message>
    <message>
        <source>Consent text {version}</source>
        <translation>Текст згоди {version}</translation>
    </message>
    <message>
        <source>The person agreed to the processing of their personal data</source>
        <translation>Людина погодилася на обробку своїх персональних даних</translation>
    </message>
    <message>
        <source>How consent was given</source>
        <translation>Як надано згоду</translation>
    </message>
    <message>
        <source>Tick the consent box once the person agrees, or remove them: their personal data can only be kept with their consent.</source>
        <translation>Позначте згоду, коли людина погодиться, або приберіть її: персональні дані можна зберігати лише за згодою.</translation>
    </message>
    <message>
        <source>Nobody found. Add them with “New person…”.</source>
        <translation>Нікого не знайдено. Додайте людину кнопкою «Нова людина…».</translation>
    </message>
    <message>
        <source>More people match than are shown: type more letters.</source>
        <translation>Збігається більше людей, ніж показано: введіть ще кілька літер.</translation>
    </message>
    <message>
        <source>A new person: stored when you save. Consent recorded ({method}).</source>
        <translation>Нова людина: буде збережена разом із записом. Згоду зафіксовано ({method}).</translation>
    </message>
    <message>
        <source>Consent on file since {date} ({method}).</source>
        <translation>Згоду надано {date} ({method}).</translation>
    </message>
    <message>
        <source>No consent is on file for this person. Ask them, and tick the box if they agree.</source>
        <translation>Згоди цієї людини немає. Запитайте її та позначте, якщо вона погодиться.</translation>
    </message>
</context>
<context>
    <name>CheckinScreen</name>
    <message>
        <source>&amp;Event:</source>
        <extracomment>Emitted after every check-in, walk-in and undo (tests and the counter). The last search&apos;s answer (nothing typed counts as too short).</extracomment>
        <translation>По&amp;дія:</translation>
    </message>
    <message>
        <source>Event to check in to</source>
        <translation>Подія, на яку відмічаємо прихід</translation>
    </message>
    <message>
        <source>There is no event to check in to. Plan one on the Events screen.</source>
        <translation>Немає події, на яку можна відмічати прихід. Заплануйте її на екрані «Події».</translation>
    </message>
    <message>
        <source>Open Events</source>
        <translation>Відкрити «Події»</translation>
    </message>
    <message>
        <source>Checked-in count</source>
        <translation>Скільки людей прийшло</translation>
    </message>
    <message>
        <source>Surname, name or phone — two or three letters are enough</source>
        <translation>Прізвище, імʼя або телефон — досить двох-трьох літер</translation>
    </message>
    <message>
        <source>Find a participant</source>
        <translation>Знайти учасника</translation>
    </message>
    <message>
        <source>Last action</source>
        <translation>Остання дія</translation>
    </message>
    <message>
        <source>Undo check-in (Ctrl+Z)</source>
        <translation>Скасувати відмітку (Ctrl+Z)</translation>
    </message>
    <message>
        <source>Undo the last check-in</source>
        <translation>Скасувати останню відмітку про прихід</translation>
    </message>
    <message>
        <source>New participant (Ctrl+N)</source>
        <translation>Новий учасник (Ctrl+N)</translation>
    </message>
    <message>
        <source>Register a new participant</source>
        <translation>Записати нового учасника</translation>
    </message>
    <message>
        <source>Name</source>
        <extracomment>The consent text people agree to at the desk (printed on the sign-in sheet). Milliseconds after the last change in the walk-in form before looking for duplicates.</extracomment>
        <translation>Прізвище, імʼя, по батькові</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Рік народження</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населений пункт</translation>
    </message>
    <message>
        <source>At this event</source>
        <translation>На цій події</translation>
    </message>
    <message>
        <source>Matching people</source>
        <translation>Знайдені люди</translation>
    </message>
    <message>
        <source>People checked in</source>
        <translation>Люди, які вже прийшли</translation>
    </message>
    <message>
        <source>New participant</source>
        <translation>Новий учасник</translation>
    </message>
    <message>
        <source>Agreed to the processing of personal data</source>
        <translation>Погодився(-лася) на обробку персональних даних</translation>
    </message>
    <message>
        <source>Consent to the processing of personal data</source>
        <translation>Згода на обробку персональних даних</translation>
    </message>
    <message>
        <source>Without consent only gender, age group and settlement are kept, for the statistics; the name and phone are not saved. Tick the box if the person agrees (the consent text is on the sign-in sheet).</source>
        <translation>Без згоди збережуться лише стать, вікова група й населений пункт — для статистики; імʼя та телефон не збережуться. Позначте поле, якщо людина погоджується (текст згоди — на реєстраційному аркуші).</translation>
    </message>
    <message>
        <source>What is kept without consent</source>
        <translation>Що зберігається без згоди</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Back to the search (Esc)</source>
        <translation>Повернутися до пошуку (Esc)</translation>
    </message>
    <message>
        <source>&amp;Save and check in</source>
        <translation>Зберегти й відмітити при&amp;хід</translation>
    </message>
    <message>
        <source>Enter or Ctrl+S</source>
        <translation>Enter або Ctrl+S</translation>
    </message>
    <message>
        <source>Already registered?</source>
        <translation>Уже є в базі?</translation>
    </message>
    <message>
        <source>These people have the same phone number, or the same name and birth year. If it is one of them, choose them and press Enter: they are checked in and no new record is made.</source>
        <translation>У цих людей той самий номер телефону або те саме імʼя й рік народження. Якщо це хтось із них, виберіть цю людину й натисніть Enter: їй буде відмічено прихід, а новий запис не зʼявиться.</translation>
    </message>
    <message>
        <source>Possibly the same person</source>
        <translation>Можливо, та сама людина</translation>
    </message>
    <message>
        <source>Check in this &amp;person instead</source>
        <translation>Відмітити прихід &amp;цієї людини</translation>
    </message>
    <message>
        <source>Choose an event first.</source>
        <translation>Спершу виберіть подію.</translation>
    </message>
    <message>
        <source>Fill in what the person tells you: Enter saves and checks them in, Esc goes back to the search.</source>
        <translation>Заповніть зі слів людини: Enter зберігає й відмічає прихід, Esc повертає до пошуку.</translation>
    </message>
    <message>
        <source>same phone</source>
        <translation>той самий телефон</translation>
    </message>
    <message>
        <source>same name and birth year</source>
        <translation>те саме імʼя й рік народження</translation>
    </message>
    <message>
        <source>already checked in</source>
        <translation>уже прийшов(-ла)</translation>
    </message>
    <message>
        <source>This person may already be registered. Choose them in the list and press Enter, or press Save again to register a new person.</source>
        <translation>Можливо, ця людина вже є в базі. Виберіть її у списку й натисніть Enter або ще раз натисніть «Зберегти», щоб записати нову людину.</translation>
    </message>
    <message>
        <source>No event chosen</source>
        <translation>Подію не вибрано</translation>
    </message>
    <message>
        <source>Checked in</source>
        <translation>Уже прийшли</translation>
    </message>
    <message>
        <source>Checked in: {count} of {capacity}</source>
        <translation>Прийшли: {count} з {capacity}</translation>
    </message>
    <message>
        <source>Checked in: {count}</source>
        <translation>Прийшли: {count}</translation>
    </message>
    <message>
        <source>women</source>
        <translation>жінки</translation>
    </message>
    <message>
        <source>men</source>
        <translation>чоловіки</translation>
    </message>
    <message>
        <source>other</source>
        <translation>інші</translation>
    </message>
    <message>
        <source>not stated</source>
        <translation>не вказано</translation>
    </message>
    <message>
        <source>registered, not yet here: {count}</source>
        <translation>записані, ще не прийшли: {count}</translation>
    </message>
    <message>
        <source>Checked in ({count})</source>
        <translation>Уже прийшли ({count})</translation>
    </message>
    <message>
        <source>✓ here since {time}</source>
        <translation>✓ тут з {time}</translation>
    </message>
    <message>
        <source>registered</source>
        <translation>записаний(-а)</translation>
    </message>
    <message>
        <source>Type two or three letters of the surname, or digits of the phone number. Enter checks in the person chosen; Up and Down choose another. Ctrl+N registers someone new.</source>
        <translation>Введіть дві-три літери прізвища або цифри телефону. Enter відмічає прихід вибраної людини, стрілки вгору й униз вибирають іншу. Ctrl+N — записати нову людину.</translation>
    </message>
    <message>
        <source>Type one more letter.</source>
        <translation>Введіть ще одну літеру.</translation>
    </message>
    <message>
        <source>Nobody found. Press Enter to register «{text}» as a new participant.</source>
        <translation>Нікого не знайдено. Натисніть Enter, щоб записати «{text}» як нового учасника.</translation>
    </message>
    <message>
        <source>More people match than are shown: type more letters, or choose with Up and Down and press Enter.</source>
        <translation>Підходить більше людей, ніж показано: введіть ще кілька літер або виберіть стрілками й натисніть Enter.</translation>
    </message>
    <message>
        <source>Enter checks in the chosen person; Up and Down choose another.</source>
        <translation>Enter відмічає прихід вибраної людини, стрілки вгору й униз вибирають іншу.</translation>
    </message>
    <message>
        <source>This code is not a person registered on this computer.</source>
        <translation>Цей код не є людиною, зареєстрованою на цьому компʼютері.</translation>
    </message>
    <message>
        <source>«{title}» starts on {when}, not now. Check people in to it anyway?</source>
        <translation>Подія «{title}» починається {when}, а не зараз. Усе одно відмічати людей на ній?</translation>
    </message>
    <message>
        <source>«{title}» took place on {when}. Check people in to it anyway (for example, entering a paper list)?</source>
        <translation>Подія «{title}» відбулася {when}. Усе одно відмічати людей на ній (наприклад, вносячи паперовий список)?</translation>
    </message>
    <message>
        <source>Is this the right event?</source>
        <translation>Це правильна подія?</translation>
    </message>
    <message>
        <source>Nobody was checked in. Choose the event above.</source>
        <translation>Нікого не відмічено. Виберіть подію вгорі.</translation>
    </message>
    <message>
        <source>{name} is already checked in (since {time}). Nothing was changed.</source>
        <translation>{name} уже тут (з {time}). Нічого не змінено.</translation>
    </message>
    <message>
        <source>✓ {name} registered and checked in.</source>
        <translation>✓ {name}: записано в базу й відмічено прихід.</translation>
    </message>
    <message>
        <source>✓ {name} checked in.</source>
        <translation>✓ {name}: прихід відмічено.</translation>
    </message>
    <message>
        <source>There is no check-in to undo.</source>
        <translation>Немає відмітки, яку можна скасувати.</translation>
    </message>
    <message>
        <source>Check-in of {name} undone.</source>
        <translation>Відмітку про прихід скасовано: {name}.</translation>
    </message>
</context>
<context>
    <name>ConnectPage</name>
    <message>
        <source>Connect to the council&apos;s platform</source>
        <translation>Підключення до платформи ради</translation>
    </message>
    <message>
        <source>Type the address and the code exactly as the council sent them. The code works once.</source>
        <translation>Введіть адресу та код точно так, як їх надіслала рада. Код діє один раз.</translation>
    </message>
    <message>
        <source>Platform address</source>
        <translation>Адреса платформи</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>Одноразовий код</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ваше ім’я</translation>
    </message>
    <message>
        <source>e.g. Коваль Ірина Петрівна</source>
        <translation>напр. Коваль Ірина Петрівна</translation>
    </message>
    <message>
        <source>Platform &amp;address:</source>
        <translation>&amp;Адреса платформи:</translation>
    </message>
    <message>
        <source>One-time &amp;code:</source>
        <translation>Одноразовий &amp;код:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ваше &amp;ім’я:</translation>
    </message>
    <message>
        <source>Connecting…</source>
        <translation>Підключення…</translation>
    </message>
    <message>
        <source>This computer is connected to the council&apos;s platform as {office}.</source>
        <translation>Цей комп’ютер підключено до платформи ради як «{office}».</translation>
    </message>
    <message>
        <source>a council device</source>
        <translation>пристрій ради</translation>
    </message>
    <message>
        <source>Not connected: {reason}</source>
        <extracomment>The design target: a 1366×768 screen minus the Windows taskbar.</extracomment>
        <translation>Не підключено: {reason}</translation>
    </message>
</context>
<context>
    <name>ConsentDialog</name>
    <message>
        <source>Record consent</source>
        <translation>Записати згоду</translation>
    </message>
    <message>
        <source>{name} agrees that the office keeps and uses their personal data. Record the date, the version of the consent text they agreed to, and how they gave it.</source>
        <translation>{name} погоджується, щоб офіс зберігав і використовував персональні дані. Зазначте дату, версію тексту згоди, яку людина підписала, і спосіб, у який її надано.</translation>
    </message>
    <message>
        <source>Given on</source>
        <translation>Дата надання</translation>
    </message>
    <message>
        <source>&amp;Record consent</source>
        <translation>&amp;Записати згоду</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>ConsultationsEditor</name>
    <message>
        <source>Search by title, authority or topic</source>
        <translation>Пошук за назвою, органом влади або темою</translation>
    </message>
    <message>
        <source>Search consultations</source>
        <translation>Пошук консультацій</translation>
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
        <source>All levels</source>
        <translation>Усі рівні</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Усі статуси</translation>
    </message>
    <message>
        <source>&amp;New consultation</source>
        <translation>Нова &amp;консультація</translation>
    </message>
    <message>
        <source>New consultation</source>
        <translation>Нова консультація</translation>
    </message>
    <message>
        <source>Record a new consultation (Ctrl+N)</source>
        <translation>Додати нову консультацію (Ctrl+N)</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Dates</source>
        <translation>Строки</translation>
    </message>
    <message>
        <source>Consultations</source>
        <translation>Консультації</translation>
    </message>
    <message>
        <source>Number of consultations shown</source>
        <translation>Кількість показаних консультацій</translation>
    </message>
    <message>
        <source>The chosen consultation</source>
        <translation>Вибрана консультація</translation>
    </message>
    <message>
        <source>Who consults: the council, a department, the executive committee</source>
        <translation>Хто проводить: рада, департамент, виконавчий комітет</translation>
    </message>
    <message>
        <source>Consultation details</source>
        <translation>Відомості про консультацію</translation>
    </message>
    <message>
        <source>Delete this consultation</source>
        <translation>Видалити цю консультацію</translation>
    </message>
    <message>
        <source>Save the consultation</source>
        <translation>Зберегти консультацію</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Відомості</translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation>Пропозиції</translation>
    </message>
    <message>
        <source>Submissions ({count})</source>
        <translation>Пропозиції ({count})</translation>
    </message>
    <message>
        <source>the consultation “{title}”</source>
        <translation>консультацію «{title}»</translation>
    </message>
    <message>
        <source>this consultation</source>
        <translation>цю консультацію</translation>
    </message>
    <message>
        <source>Saved: {title}</source>
        <translation>Збережено: {title}</translation>
    </message>
</context>
<context>
    <name>ConsultationsScreen</name>
    <message>
        <source>Consultations and office visits</source>
        <translation>Консультації та прийом громадян</translation>
    </message>
    <message>
        <source>Public consultations</source>
        <translation>Громадські консультації</translation>
    </message>
    <message>
        <source>Advice visits at the office</source>
        <translation>Прийом громадян в офісі</translation>
    </message>
</context>
<context>
    <name>CsosScreen</name>
    <message>
        <source>&amp;New organisation</source>
        <extracomment>The list columns&apos; query names, in order (a clicked header sorts by one).</extracomment>
        <translation>&amp;Нова організація</translation>
    </message>
    <message>
        <source>Add a new organisation</source>
        <translation>Додати нову організацію</translation>
    </message>
    <message>
        <source>Add a new organisation (Ctrl+N)</source>
        <translation>Додати нову організацію (Ctrl+N)</translation>
    </message>
    <message>
        <source>Bring in a list of CSOs from Excel (XLSX or CSV)</source>
        <translation>Завантажити список громадських організацій з Excel (XLSX або CSV)</translation>
    </message>
    <message>
        <source>Find by name, short name or EDRPOU (Ctrl+F)</source>
        <translation>Пошук за назвою, короткою назвою або ЄДРПОУ (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find an organisation</source>
        <translation>Знайти організацію</translation>
    </message>
    <message>
        <source>Filter by legal form</source>
        <translation>Фільтр за організаційно-правовою формою</translation>
    </message>
    <message>
        <source>All legal forms</source>
        <translation>Усі форми</translation>
    </message>
    <message>
        <source>Filter by area of work</source>
        <translation>Фільтр за напрямом діяльності</translation>
    </message>
    <message>
        <source>All areas of work</source>
        <translation>Усі напрями</translation>
    </message>
    <message>
        <source>Filter by memorandum</source>
        <translation>Фільтр за меморандумом</translation>
    </message>
    <message>
        <source>With or without a memorandum</source>
        <translation>З меморандумом і без</translation>
    </message>
    <message>
        <source>Memorandum signed</source>
        <translation>Меморандум підписано</translation>
    </message>
    <message>
        <source>No memorandum</source>
        <translation>Без меморандуму</translation>
    </message>
    <message>
        <source>Registered in the last &amp;12 months</source>
        <translation>Зареєстровані за останні &amp;12 місяців</translation>
    </message>
    <message>
        <source>Only organisations registered in the last 12 months</source>
        <translation>Лише організації, зареєстровані за останні 12 місяців</translation>
    </message>
    <message>
        <source>The council&apos;s &quot;CSOs created&quot; indicator</source>
        <translation>Показник ради «Створено ГО»</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>EDRPOU</source>
        <translation>ЄДРПОУ</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>Реєстрація</translation>
    </message>
    <message>
        <source>Memorandum</source>
        <translation>Меморандум</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Людей</translation>
    </message>
    <message>
        <source>Organisations</source>
        <translation>Організації</translation>
    </message>
    <message>
        <source>Found: {count}</source>
        <translation>Знайдено: {count}</translation>
    </message>
    <message>
        <source>Organisations: {count}</source>
        <translation>Усього: {count}</translation>
    </message>
    <message>
        <source>No organisation matches. Try fewer letters or fewer filters.</source>
        <translation>Жодна організація не підходить. Введіть менше літер або зніміть частину фільтрів.</translation>
    </message>
    <message>
        <source>No organisations yet. Add the first one with Ctrl+N.</source>
        <translation>Організацій ще немає. Додайте першу (Ctrl+N).</translation>
    </message>
    <message>
        <source>No memorandum with the council</source>
        <translation>Меморандуму з радою немає</translation>
    </message>
    <message>
        <source>Memorandum signed {date}</source>
        <translation>Меморандум підписано {date}</translation>
    </message>
    <message>
        <source>the new organisation</source>
        <translation>нова організація</translation>
    </message>
    <message>
        <source>«{name}» added.</source>
        <translation>Додано «{name}».</translation>
    </message>
    <message>
        <source>Changes to «{name}» saved.</source>
        <translation>Зміни до «{name}» збережено.</translation>
    </message>
    <message>
        <source>Delete «{name}» from the directory?</source>
        <translation>Вилучити «{name}» з довідника?</translation>
    </message>
    <message>
        <source>Its {count} people stay registered.</source>
        <translation>Її люди (осіб: {count}) залишаться зареєстрованими.</translation>
    </message>
    <message>
        <source>You can undo this right after.</source>
        <translation>Одразу після цього дію можна скасувати.</translation>
    </message>
    <message>
        <source>Delete organisation?</source>
        <translation>Вилучити організацію?</translation>
    </message>
    <message>
        <source>«{name}» was deleted.</source>
        <translation>«{name}» вилучено.</translation>
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
    <name>DemoPage</name>
    <message>
        <source>Demo data</source>
        <translation>Демонстраційні дані</translation>
    </message>
    <message>
        <source>A made-up community of {people} people with events, ideas, consultations and CSOs.</source>
        <translation>Вигадана громада з {people} людей, заходами, ідеями, консультаціями та ГО.</translation>
    </message>
    <message>
        <source>Everything you see will be invented: names, phones and addresses. Do not enter real residents in this data folder. Press Next to create it (a few seconds).</source>
        <translation>Усе буде вигаданим: імена, телефони й адреси. Не вносьте в цю теку даних справжніх мешканців. Натисніть «Далі», щоб створити громаду (кілька секунд).</translation>
    </message>
    <message>
        <source>Creating the demo community…</source>
        <translation>Створення демонстраційної громади…</translation>
    </message>
    <message>
        <source>The demo community is ready.</source>
        <translation>Демонстраційну громаду створено.</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Ready</source>
        <extracomment>meta key: the disk encryption found at first run (&quot;on:BitLocker&quot;, &quot;off:ext4&quot;, ...). The disk&apos;s encryption was checked (on, off or unknown; tests wait for it).</extracomment>
        <translation>Готово</translation>
    </message>
    <message>
        <source>It works without the Internet: everything is saved on this computer at once, and sent to the council whenever a connection appears.</source>
        <translation>Програма працює без Інтернету: усе одразу зберігається на цьому комп’ютері й надсилається до ради, щойно з’явиться зв’язок.</translation>
    </message>
    <message>
        <source>Disk encryption</source>
        <translation>Шифрування диска</translation>
    </message>
    <message>
        <source>Your data is kept in {folder}; a backup is made there every day.</source>
        <translation>Ваші дані зберігаються в {folder}; там щодня створюється резервна копія.</translation>
    </message>
    <message>
        <source>Start with «Check-in» (Ctrl+3): choose today&apos;s event and register people as they come. «Today» (Ctrl+1) shows what is planned.</source>
        <translation>Почніть із «Реєстрації» (Ctrl+3): виберіть сьогоднішній захід і реєструйте людей, щойно вони приходять. «Сьогодні» (Ctrl+1) показує, що заплановано.</translation>
    </message>
    <message>
        <source>Checking whether this computer&apos;s disk is encrypted…</source>
        <translation>Перевіряємо, чи зашифровано диск цього комп’ютера…</translation>
    </message>
    <message>
        <source>This computer&apos;s disk is encrypted ({how}): if the laptop is stolen, residents&apos; data cannot be read from it.</source>
        <translation>Диск цього комп’ютера зашифровано ({how}): якщо ноутбук викрадуть, дані мешканців із нього не прочитати.</translation>
    </message>
    <message>
        <source>This computer&apos;s disk is not encrypted: a stolen laptop would give away residents&apos; names and phones. Ask whoever looks after your computers to turn on BitLocker (Windows: Settings → Privacy &amp; security → Device encryption).</source>
        <translation>Диск цього комп’ютера не зашифровано: викрадений ноутбук видасть імена й телефони мешканців. Попросіть того, хто обслуговує ваші комп’ютери, увімкнути BitLocker (Windows: Параметри → Конфіденційність і захист → Шифрування пристрою).</translation>
    </message>
    <message>
        <source>It could not be found out whether this computer&apos;s disk is encrypted. Make sure it is (BitLocker on Windows): the data folder holds residents&apos; names and phones.</source>
        <translation>Не вдалося з’ясувати, чи зашифровано диск цього комп’ютера. Переконайтеся, що так (BitLocker у Windows): у папці даних — імена й телефони мешканців.</translation>
    </message>
</context>
<context>
    <name>EventsScreen</name>
    <message>
        <source>&amp;New event</source>
        <extracomment>The selected event&apos;s attendance counts were loaded (tests wait for it).</extracomment>
        <translation>Нова поді&amp;я</translation>
    </message>
    <message>
        <source>Plan a new event (Ctrl+N)</source>
        <translation>Запланувати нову подію (Ctrl+N)</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Нова подія</translation>
    </message>
    <message>
        <source>Search by title…</source>
        <translation>Пошук за назвою…</translation>
    </message>
    <message>
        <source>Search events by title</source>
        <translation>Пошук подій за назвою</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Період</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>Майбутні</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Цей тиждень</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Цей місяць</translation>
    </message>
    <message>
        <source>Next 30 days</source>
        <translation>Наступні 30 днів</translation>
    </message>
    <message>
        <source>Past</source>
        <translation>Минулі</translation>
    </message>
    <message>
        <source>All dates</source>
        <translation>Усі дати</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Офіс</translation>
    </message>
    <message>
        <source>Type of event</source>
        <translation>Тип події</translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation>Ко&amp;ли:</translation>
    </message>
    <message>
        <source>O&amp;ffice:</source>
        <translation>Оф&amp;іс:</translation>
    </message>
    <message>
        <source>Ty&amp;pe:</source>
        <translation>Т&amp;ип:</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>Choose an event in the list to see who came, open the check-in desk or record feedback. To plan a new one, press Ctrl+N.</source>
        <translation>Виберіть подію у списку, щоб побачити, хто прийшов, відкрити реєстрацію чи записати відгуки. Щоб запланувати нову, натисніть Ctrl+N.</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Місце</translation>
    </message>
    <message>
        <source>Organised by</source>
        <translation>Організатори</translation>
    </message>
    <message>
        <source>Participation</source>
        <translation>Рівень участі</translation>
    </message>
    <message>
        <source>Places</source>
        <translation>Місць</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Опис</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Відгуки</translation>
    </message>
    <message>
        <source>Open &amp;check-in</source>
        <translation>Відкрити &amp;реєстрацію</translation>
    </message>
    <message>
        <source>Check people in at the door for this event</source>
        <translation>Відмічати прихід людей на цю подію</translation>
    </message>
    <message>
        <source>Record &amp;feedback…</source>
        <translation>&amp;Відгуки…</translation>
    </message>
    <message>
        <source>Enter what participants said about the event</source>
        <translation>Записати, що учасники сказали про подію</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Змінити</translation>
    </message>
    <message>
        <source>Change this event (F2)</source>
        <translation>Змінити цю подію (F2)</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>Ви&amp;далити…</translation>
    </message>
    <message>
        <source>Delete this event (Del); it can be undone</source>
        <translation>Видалити цю подію (Del); це можна скасувати</translation>
    </message>
    <message>
        <source>&amp;Import the list…</source>
        <translation>&amp;Імпорт списку…</translation>
    </message>
    <message>
        <source>Bring in this event&apos;s attendance list from Excel (XLSX or CSV)</source>
        <translation>Завантажити список учасників цієї події з Excel (XLSX або CSV)</translation>
    </message>
    <message>
        <source>Sign-in &amp;sheet…</source>
        <translation>Реєстраційний &amp;аркуш…</translation>
    </message>
    <message>
        <source>Print the sign-in sheet: the registered people and empty rows for walk-ins</source>
        <translation>Надрукувати реєстраційний аркуш: зареєстровані люди та порожні рядки для тих, хто прийде без реєстрації</translation>
    </message>
    <message>
        <source>Certifica&amp;tes…</source>
        <translation>Се&amp;ртифікати…</translation>
    </message>
    <message>
        <source>Participation certificates for everyone who attended</source>
        <translation>Сертифікати про участь для всіх, хто був присутній</translation>
    </message>
    <message>
        <source>&amp;Badges…</source>
        <translation>&amp;Бейджі…</translation>
    </message>
    <message>
        <source>Name badges or invitations with a QR code for one-Enter check-in</source>
        <translation>Бейджі чи запрошення з QR-кодом для реєстрації одним натисканням Enter</translation>
    </message>
    <message>
        <source>e.g. Hearing on the 2027 budget</source>
        <translation>напр., Слухання щодо бюджету на 2027 рік</translation>
    </message>
    <message>
        <source>e.g. Village club, 5 Shevchenka St.</source>
        <translation>напр., Сільський клуб, вул. Шевченка, 5</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Close without saving (Esc)</source>
        <translation>Закрити без збереження (Esc)</translation>
    </message>
    <message>
        <source>&amp;Save event</source>
        <translation>З&amp;берегти подію</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Зберегти (Ctrl+S)</translation>
    </message>
    <message>
        <source>Fill in the fields marked *</source>
        <translation>Заповніть поля, позначені *</translation>
    </message>
    <message>
        <source>All offices</source>
        <translation>Усі офіси</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>Усі типи</translation>
    </message>
    <message>
        <source>Events shown: {count}</source>
        <translation>Показано подій: {count}</translation>
    </message>
    <message>
        <source>No feedback recorded yet.</source>
        <translation>Відгуків ще не записано.</translation>
    </message>
    <message>
        <source>Feedback from {answers} people: knowledge improved {knowledge}, would recommend {recommend}, average rating {rating}.</source>
        <translation>Відгуків: {answers}. Дізналися нове — {knowledge}, порадять іншим — {recommend}, середня оцінка — {rating}.</translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation>Зміна події</translation>
    </message>
    <message>
        <source>Event «{title}» saved.</source>
        <translation>Подію «{title}» збережено.</translation>
    </message>
    <message>
        <source>Changes to «{title}» saved.</source>
        <translation>Зміни в «{title}» збережено.</translation>
    </message>
    <message>
        <source>Delete the event «{title}»?</source>
        <translation>Видалити подію «{title}»?</translation>
    </message>
    <message>
        <source>{count} attendance records stay in the database but are no longer shown with the event.</source>
        <translation>Записів про участь: {count}. Вони залишаться в базі, але більше не показуватимуться з подією.</translation>
    </message>
    <message>
        <source>You can undo this right after.</source>
        <translation>Одразу після цього видалення можна скасувати.</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Видалення події</translation>
    </message>
    <message>
        <source>The event «{title}» was deleted.</source>
        <translation>Подію «{title}» видалено.</translation>
    </message>
</context>
<context>
    <name>FeedbackDialog</name>
    <message>
        <source>Feedback — {title}</source>
        <extracomment>Keys meaning yes / no in the two yes-no columns (Ukrainian and English keyboards). (row, column, value) typed into an answer cell. A row was written to the database (tests wait for it): attendance id.</extracomment>
        <translation>Відгуки — {title}</translation>
    </message>
    <message>
        <source>Feedback totals</source>
        <translation>Підсумки відгуків</translation>
    </message>
    <message>
        <source>Type 1 or т for yes, 0 or н for no, a digit from 1 to 5 for the rating, then the comment; Tab or Enter moves on, Space clears an answer. Each row is saved when you move to another person.</source>
        <translation>Натисніть 1 або т — «так», 0 або н — «ні», цифру від 1 до 5 — оцінка, далі коментар; Tab або Enter — далі, пробіл стирає відповідь. Рядок зберігається, коли ви переходите до іншої людини.</translation>
    </message>
    <message>
        <source>Participants&apos; feedback</source>
        <translation>Відгуки учасників</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Учасник</translation>
    </message>
    <message>
        <source>Knowledge improved</source>
        <translation>Дізнався(-лася) нове</translation>
    </message>
    <message>
        <source>Would recommend</source>
        <translation>Порадить іншим</translation>
    </message>
    <message>
        <source>Rating 1–5</source>
        <translation>Оцінка 1–5</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Коментар</translation>
    </message>
    <message>
        <source>No participant has been checked in to this event yet. Feedback is recorded for the people who came.</source>
        <translation>На цю подію ще нікому не відмічено прихід. Відгуки записують для тих, хто прийшов.</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Закрити</translation>
    </message>
    <message>
        <source>Save and close (Esc)</source>
        <translation>Зберегти й закрити (Esc)</translation>
    </message>
    <message>
        <source>Answers: {answers} of {people} · Knowledge improved: {knowledge} · Would recommend: {recommend} · Average rating: {rating}</source>
        <translation>Відповіді: {answers} з {people} · Дізналися нове: {knowledge} · Порадять іншим: {recommend} · Середня оцінка: {rating}</translation>
    </message>
    <message>
        <source>Saved: {name}</source>
        <translation>Збережено: {name}</translation>
    </message>
</context>
<context>
    <name>Field</name>
    <message>
        <source>Record type</source>
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
        <source>Full name</source>
        <translation>ПІБ</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населений пункт</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Згода</translation>
    </message>
    <message>
        <source>Member (full name)</source>
        <translation>Член організації (ПІБ)</translation>
    </message>
    <message>
        <source>Member&apos;s phone</source>
        <translation>Телефон члена організації</translation>
    </message>
    <message>
        <source>Member&apos;s role</source>
        <translation>Роль в організації</translation>
    </message>
    <message>
        <source>Year</source>
        <extracomment>table -&gt; its own fields (without the common columns), in data-model order. table -&gt; fields that must have a value. Beyond the starred fields of data-model.md, the lookup tables need a name (and code): a nameless district or office cannot be picked. field name -&gt; English label (same meaning in every table that has the field).</extracomment>
        <translation>Рік</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>Строк</translation>
    </message>
    <message>
        <source>Counted in</source>
        <translation>Як рахувати</translation>
    </message>
    <message>
        <source>Longest when extended (days)</source>
        <translation>Найдовше з продовженням (днів)</translation>
    </message>
    <message>
        <source>Day</source>
        <translation>День</translation>
    </message>
    <message>
        <source>Working day</source>
        <translation>Робочий день</translation>
    </message>
    <message>
        <source>Events held</source>
        <translation>Проведено подій</translation>
    </message>
    <message>
        <source>CSOs created</source>
        <translation>Створено ГО</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>Охоплено людей</translation>
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
        <source>Data removed at the person&apos;s request</source>
        <translation>Дані видалено на прохання людини</translation>
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
    <name>FirstRunWizard</name>
    <message>
        <source>{app}: first start</source>
        <translation>{app}: перший запуск</translation>
    </message>
    <message>
        <source>&amp;Start working</source>
        <translation>&amp;Почати роботу</translation>
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
    <message>
        <source>HH:MM</source>
        <translation>ГГ:ХХ</translation>
    </message>
    <message>
        <source>{field}: time of day</source>
        <translation>{field}: час</translation>
    </message>
</context>
<context>
    <name>History</name>
    <message>
        <source>created</source>
        <translation>створено</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>змінено</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>вилучено</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>відновлено</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Людина</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Захід</translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation>Відмітка участі</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Ідея</translation>
    </message>
    <message>
        <source>CSO</source>
        <translation>ГО</translation>
    </message>
    <message>
        <source>CSO member</source>
        <translation>Член ГО</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Консультація</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>Пропозиція</translation>
    </message>
    <message>
        <source>Advice visit</source>
        <translation>Звернення по пораду</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>Конфлікт</translation>
    </message>
    <message>
        <source>Staff member</source>
        <translation>Працівник</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Офіс</translation>
    </message>
    <message>
        <source>yes</source>
        <extracomment>Columns the store fills in itself: not news to a person reading the history. A field&apos;s stored value -&gt; what a person reads (a name for an id), or None to show it as is. Fields holding a vocabulary code: (table or &quot;&quot; for any, field) -&gt; vocabulary.</extracomment>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ні</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Who</source>
        <translation>Хто</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Комп’ютер</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запис</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Дія</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>Що змінилося</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>цей комп’ютер</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>інший комп’ютер</translation>
    </message>
    <message>
        <source>this one</source>
        <translation>цей</translation>
    </message>
    <message>
        <source>Nothing has been recorded yet.</source>
        <translation>Ще нічого не записано.</translation>
    </message>
</context>
<context>
    <name>IdeasEditor</name>
    <message>
        <source>Search by words from the title or description</source>
        <extracomment>The list&apos;s column of due dates (its header sorts by the council&apos;s terms). The council&apos;s terms for answers and its working calendar (reload_choices).</extracomment>
        <translation>Пошук за словами з назви або опису</translation>
    </message>
    <message>
        <source>Search ideas and appeals</source>
        <translation>Пошук ідей і звернень</translation>
    </message>
    <message>
        <source>&amp;New idea or appeal</source>
        <translation>Нова &amp;ідея чи звернення</translation>
    </message>
    <message>
        <source>New idea or appeal</source>
        <translation>Нова ідея чи звернення</translation>
    </message>
    <message>
        <source>Take in a new idea or appeal (Ctrl+N)</source>
        <translation>Прийняти нову ідею чи звернення (Ctrl+N)</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
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
        <source>Office</source>
        <translation>Офіс</translation>
    </message>
    <message>
        <source>Waiting for the council&apos;s answer</source>
        <translation>Очікує відповіді ради</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Усі статуси</translation>
    </message>
    <message>
        <source>All channels</source>
        <translation>Усі канали</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>Усі категорії</translation>
    </message>
    <message>
        <source>This office</source>
        <translation>Цей офіс</translation>
    </message>
    <message>
        <source>All offices</source>
        <translation>Усі офіси</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Отримано</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Назва</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Строк</translation>
    </message>
    <message>
        <source>Ideas and appeals</source>
        <translation>Ідеї та звернення</translation>
    </message>
    <message>
        <source>Number of ideas shown</source>
        <translation>Кількість показаних ідей і звернень</translation>
    </message>
    <message>
        <source>Mark as forwarded to the council</source>
        <translation>Позначити як передане до ради</translation>
    </message>
    <message>
        <source>In a few words: what and where</source>
        <translation>Коротко: що і де</translation>
    </message>
    <message>
        <source>Council&apos;s answer</source>
        <translation>Відповідь ради</translation>
    </message>
    <message>
        <source>Answered on</source>
        <translation>Дата відповіді ради</translation>
    </message>
    <message>
        <source>Idea details</source>
        <translation>Відомості про ідею чи звернення</translation>
    </message>
    <message>
        <source>Delete this idea or appeal</source>
        <translation>Видалити цю ідею чи звернення</translation>
    </message>
    <message>
        <source>Save the idea or appeal</source>
        <translation>Зберегти ідею чи звернення</translation>
    </message>
    <message>
        <source>No legal term for an answer.</source>
        <translation>Законного строку відповіді немає.</translation>
    </message>
    <message>
        <source>Due {date}: {days} days overdue.</source>
        <translation>Строк — {date}: прострочено на {days} дн.</translation>
    </message>
    <message>
        <source>Due {date}: in the next few days.</source>
        <translation>Строк — {date}: спливає найближчими днями.</translation>
    </message>
    <message>
        <source>Answered on time (due {date}).</source>
        <translation>Відповідь надано вчасно (строк — {date}).</translation>
    </message>
    <message>
        <source>Answered {days} days late (due {date}).</source>
        <translation>Відповідь надано із запізненням на {days} дн. (строк — {date}).</translation>
    </message>
    <message>
        <source>Due {date}.</source>
        <translation>Строк відповіді — {date}.</translation>
    </message>
    <message>
        <source>This is a council officer&apos;s device: the status and the council&apos;s answer can be edited here.</source>
        <translation>Це пристрій працівника ради: тут можна змінювати статус і відповідь ради.</translation>
    </message>
    <message>
        <source>The council is handling this idea: its status and answer come from the council with sync.</source>
        <translation>Ідею розглядає рада: статус і відповідь надходять від ради під час синхронізації.</translation>
    </message>
    <message>
        <source>The status and the answer beyond “Forwarded” are set by the council and arrive with sync.</source>
        <translation>Статуси після «Передано» і відповідь встановлює рада; вони надходять під час синхронізації.</translation>
    </message>
    <message>
        <source>Council&apos;s answer of {date}: {status}.</source>
        <translation>Відповідь ради від {date}: {status}.</translation>
    </message>
    <message>
        <source>Council&apos;s answer: {status}.</source>
        <translation>Відповідь ради: {status}.</translation>
    </message>
    <message>
        <source>Not forwarded to the council yet.</source>
        <translation>Ще не передано до ради.</translation>
    </message>
    <message>
        <source>Mark as &amp;forwarded to the council</source>
        <translation>Позначити як &amp;передане до ради</translation>
    </message>
    <message>
        <source>Waiting for the council&apos;s answer ({status}).</source>
        <translation>Очікує відповіді ради ({status}).</translation>
    </message>
    <message>
        <source>the idea “{title}”</source>
        <translation>«{title}»</translation>
    </message>
    <message>
        <source>this idea</source>
        <translation>цей запис</translation>
    </message>
    <message>
        <source>Saved: {title}</source>
        <translation>Збережено: {title}</translation>
    </message>
    <message>
        <source>Removed {file}.</source>
        <translation>Файл {file} прибрано.</translation>
    </message>
</context>
<context>
    <name>Import</name>
    <message>
        <source>The file has no rows to import.</source>
        <translation>У файлі немає рядків для імпорту.</translation>
    </message>
    <message>
        <source>The file is not a table this app can read (use CSV or XLSX saved from Excel, LibreOffice or Google Sheets).</source>
        <translation>Файл не є таблицею, яку програма може прочитати (збережіть CSV або XLSX з Excel, LibreOffice чи Google Таблиць).</translation>
    </message>
    <message>
        <source>The file is larger than 50 MB; split it into parts.</source>
        <translation>Файл більший за 50 МБ; розділіть його на частини.</translation>
    </message>
    <message>
        <source>No column holds the names: map columns to «Last name» and «First name», or one column to «Full name».</source>
        <translation>Жоден стовпець не містить імен: позначте стовпці «Прізвище» та «Імʼя» або один стовпець «ПІБ».</translation>
    </message>
    <message>
        <source>No column holds the CSO&apos;s name: map one to «Name».</source>
        <translation>Жоден стовпець не містить назви організації: позначте стовпець «Назва».</translation>
    </message>
    <message>
        <source>The file cannot be read: {reason}</source>
        <translation>Файл не вдалося прочитати: {reason}</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <extracomment>New people are written this many at a time through the store&apos;s bulk path (one executemany for the rows, the change log and the search index).</extracomment>
        <translation>Імпорт скасовано; нічого не змінено.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import people from a list</source>
        <translation>Імпорт людей зі списку</translation>
    </message>
    <message>
        <source>Import CSOs from a list</source>
        <translation>Імпорт громадських організацій зі списку</translation>
    </message>
    <message>
        <source>Import the attendance list of «{event}»</source>
        <translation>Імпорт списку учасників події «{event}»</translation>
    </message>
    <message>
        <source>Choose a table saved from Excel, LibreOffice or Google Sheets (XLSX or CSV). Columns are recognised by their headings, such as «Прізвище», «ПІБ», «Телефон», «Стать», «Рік народження», «Населений пункт», «ЄДРПОУ»; check them below. Nothing is saved until you press Import, and then either every row is saved or none.</source>
        <translation>Виберіть таблицю, збережену з Excel, LibreOffice чи Google Таблиць (XLSX або CSV). Стовпці розпізнаються за заголовками, як-от «Прізвище», «ПІБ», «Телефон», «Стать», «Рік народження», «Населений пункт», «ЄДРПОУ»; перевірте їх нижче. Нічого не зберігається, доки ви не натиснете «Імпортувати», і тоді зберігаються або всі рядки, або жоден.</translation>
    </message>
    <message>
        <source>No file chosen yet.</source>
        <translation>Файл ще не вибрано.</translation>
    </message>
    <message>
        <source>&amp;Choose file…</source>
        <translation>&amp;Вибрати файл…</translation>
    </message>
    <message>
        <source>Preview of the file, with the meaning of each column in the first row</source>
        <translation>Перегляд файлу; у першому рядку — значення кожного стовпця</translation>
    </message>
    <message>
        <source>Rows with problems</source>
        <translation>Рядки з помилками</translation>
    </message>
    <message>
        <source>&amp;Skip people already here</source>
        <translation>&amp;Пропустити людей, які вже є</translation>
    </message>
    <message>
        <source>&amp;Fill them in from the file</source>
        <translation>&amp;Доповнити їх даними з файлу</translation>
    </message>
    <message>
        <source>&amp;Skip CSOs already here</source>
        <translation>&amp;Пропустити організації, які вже є</translation>
    </message>
    <message>
        <source>Import only the &amp;good rows</source>
        <translation>Імпортувати лише &amp;правильні рядки</translation>
    </message>
    <message>
        <source>Consent: a column «Згода» with «так» or a date records consent (on paper). For rows without it, only gender, age group and settlement are kept, for the statistics; the name and phone are not saved.</source>
        <translation>Згода: стовпець «Згода» зі словом «так» або датою фіксує згоду (на папері). Для рядків без неї зберігаються лише стать, вікова група й населений пункт — для статистики; імʼя та телефон не зберігаються.</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Імпортувати</translation>
    </message>
    <message>
        <source>Choose a list</source>
        <translation>Виберіть список</translation>
    </message>
    <message>
        <source>Tables (*.xlsx *.csv *.txt);;All files (*)</source>
        <translation>Таблиці (*.xlsx *.csv *.txt);;Усі файли (*)</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Читання файлу…</translation>
    </message>
    <message>
        <source>Reading the list…</source>
        <translation>Читання списку…</translation>
    </message>
    <message>
        <source>— leave out —</source>
        <translation>— не імпортувати —</translation>
    </message>
    <message>
        <source>Meaning of column «{name}»</source>
        <translation>Значення стовпця «{name}»</translation>
    </message>
    <message>
        <source>Checking the list…</source>
        <translation>Перевірка списку…</translation>
    </message>
    <message>
        <source>Rows: {rows}. New: {new}. Already here: {matched}. Possible duplicates: {dupes} (they will be listed in People for review). With problems: {bad}.</source>
        <translation>Рядків: {rows}. Нових: {new}. Вже є: {matched}. Можливих дублікатів: {dupes} (їх буде показано в розділі «Люди» для перевірки). З помилками: {bad}.</translation>
    </message>
    <message>
        <source>Line {line}</source>
        <translation>Рядок {line}</translation>
    </message>
    <message>
        <source>, column «{column}»</source>
        <translation>, стовпець «{column}»</translation>
    </message>
    <message>
        <source>Import only the &amp;good rows (leave out {n} with problems)</source>
        <translation>Імпортувати лише &amp;правильні рядки (без {n} з помилками)</translation>
    </message>
    <message>
        <source>Some rows have problems: fix the file and choose it again, or tick «Import only the good rows».</source>
        <translation>Деякі рядки мають помилки: виправте файл і виберіть його знову або позначте «Імпортувати лише правильні рядки».</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Імпорт…</translation>
    </message>
    <message>
        <source>New: {n}</source>
        <translation>Нових: {n}</translation>
    </message>
    <message>
        <source>Updated: {n}</source>
        <translation>Оновлено: {n}</translation>
    </message>
    <message>
        <source>Skipped (already here): {n}</source>
        <translation>Пропущено (вже є): {n}</translation>
    </message>
    <message>
        <source>On the event&apos;s list: {n}</source>
        <translation>У списку події: {n}</translation>
    </message>
    <message>
        <source>Without recorded consent, kept for statistics only: {n}</source>
        <translation>Без зафіксованої згоди, збережено лише для статистики: {n}</translation>
    </message>
    <message>
        <source>Possible duplicates to review in People: {n}</source>
        <translation>Можливих дублікатів для перевірки в розділі «Люди»: {n}</translation>
    </message>
    <message>
        <source>Rows left out because of problems: {n}</source>
        <translation>Пропущено рядків з помилками: {n}</translation>
    </message>
    <message>
        <source>CSO members linked: {n}</source>
        <translation>Привʼязано членів організацій: {n}</translation>
    </message>
    <message>
        <source>CSO members not linked (not known here by phone, and no consent in the file): {n}</source>
        <translation>Не привʼязано членів організацій (їх немає тут за телефоном, а у файлі немає згоди): {n}</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Імпорт завершено</translation>
    </message>
    <message>
        <source>Nothing was imported</source>
        <translation>Нічого не імпортовано</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>Імпорт скасовано; нічого не змінено.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Sections</source>
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
        <source>Today&apos;s automatic backup could not be made: {reason}</source>
        <translation>Не вдалося зробити сьогоднішню автоматичну резервну копію: {reason}</translation>
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
        <source>Not connected</source>
        <translation>Не підключено</translation>
    </message>
    <message>
        <source>This computer is not connected to the council&apos;s platform yet. Everything you record is kept here and will be sent once it is connected.

Connect now? You need the address and the one-time code from the council.</source>
        <translation>Цей комп’ютер ще не підключено до платформи ради. Усе, що ви записуєте, зберігається тут і буде надіслано після підключення.

Підключитися зараз? Потрібні адреса й одноразовий код від ради.</translation>
    </message>
    <message>
        <source>Open a record first: its history is shown with Ctrl+H.</source>
        <translation>Спершу відкрийте запис: його історію показує Ctrl+H.</translation>
    </message>
    <message>
        <source>History: {name}</source>
        <translation>Історія: {name}</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Історія</translation>
    </message>
    <message>
        <source>Every change of this record, oldest first: who made it, when, on which computer, and what it changed. Nothing here can be edited.</source>
        <translation>Усі зміни цього запису, від найдавнішої: хто, коли, на якому комп’ютері і що змінив. Тут нічого не можна редагувати.</translation>
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
    <name>MemberDialog</name>
    <message>
        <source>Add a person — {name}</source>
        <translation>Додати людину — {name}</translation>
    </message>
    <message>
        <source>Role — {name}</source>
        <translation>Роль — {name}</translation>
    </message>
    <message>
        <source>Not registered yet?</source>
        <translation>Ще не зареєстровано?</translation>
    </message>
    <message>
        <source>Register a &amp;new person…</source>
        <translation>Зареєструвати &amp;нову людину…</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Додати</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>З&amp;берегти</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>{name} is already in this organisation as «{role}». Edit that role instead.</source>
        <translation>{name} уже є в цій організації з роллю «{role}». Змініть наявну роль.</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge two records of the same person</source>
        <translation>Обʼєднати два записи однієї людини</translation>
    </message>
    <message>
        <source>One of the two people no longer exists.</source>
        <translation>Одного з двох записів уже немає.</translation>
    </message>
    <message>
        <source>Choose the record to keep. Everything linked to the other record (events, ideas, advice visits, comments on consultations, CSO roles) moves to it, and the other record is removed. For each detail, choose the value to keep.</source>
        <translation>Виберіть запис, який залишиться. Усе, що повʼязано з іншим записом (події, ідеї, консультації, пропозиції до обговорень, ролі в ГО), перейде до нього, а інший запис буде вилучено. Для кожного поля виберіть значення, яке слід зберегти.</translation>
    </message>
    <message>
        <source>&amp;Keep this record</source>
        <translation>&amp;Залишити цей запис</translation>
    </message>
    <message>
        <source>K&amp;eep this record instead</source>
        <translation>Залишити &amp;натомість цей запис</translation>
    </message>
    <message>
        <source>Keep the record of {name}</source>
        <translation>Залишити запис: {name}</translation>
    </message>
    <message>
        <source>&amp;Merge</source>
        <translation>&amp;Обʼєднати</translation>
    </message>
    <message>
        <source>Consent to personal data</source>
        <translation>Згода на обробку персональних даних</translation>
    </message>
    <message>
        <source>Events: {events} · ideas: {ideas} · advice visits: {visits} · comments: {submissions} · CSO roles: {roles}</source>
        <translation>Події: {events} · ідеї: {ideas} · консультації: {visits} · пропозиції: {submissions} · ролі в ГО: {roles}</translation>
    </message>
    <message>
        <source>Withdrawn {date}</source>
        <translation>Відкликано {date}</translation>
    </message>
    <message>
        <source>Given {date}</source>
        <translation>Надано {date}</translation>
    </message>
    <message>
        <source>text {version}</source>
        <translation>текст {version}</translation>
    </message>
</context>
<context>
    <name>OrganizationPanel</name>
    <message>
        <source>Choose an organisation in the list, or add a new one with Ctrl+N.</source>
        <translation>Виберіть організацію в списку або додайте нову (Ctrl+N).</translation>
    </message>
    <message>
        <source>Delete this organisation</source>
        <translation>Вилучити цю організацію</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Організація</translation>
    </message>
    <message>
        <source>8 digits</source>
        <translation>8 цифр</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Людина</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>З</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>До</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>People of the organisation</source>
        <translation>Люди організації</translation>
    </message>
    <message>
        <source>Nobody is linked to this organisation yet. Add its head and a contact person, so the hub knows whom to call.</source>
        <translation>До цієї організації ще нікого не додано. Додайте голову й контактну особу, щоб хаб знав, кому телефонувати.</translation>
    </message>
    <message>
        <source>&amp;Add a person…</source>
        <translation>&amp;Додати людину…</translation>
    </message>
    <message>
        <source>&amp;Change role…</source>
        <translation>&amp;Змінити роль…</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ви&amp;лучити</translation>
    </message>
    <message>
        <source>Remove from the organisation</source>
        <translation>Вилучити з організації</translation>
    </message>
    <message>
        <source>&amp;Open in People</source>
        <translation>&amp;Відкрити в «Людях»</translation>
    </message>
    <message>
        <source>New organisation</source>
        <translation>Нова організація</translation>
    </message>
    <message>
        <source>«{name}» already has the EDRPOU code {code}. Check the code, or open that organisation instead of adding it twice.</source>
        <translation>Код ЄДРПОУ {code} уже має «{name}». Перевірте код або відкрийте ту організацію, щоб не додавати її двічі.</translation>
    </message>
    <message>
        <source>Remove from the organisation?</source>
        <translation>Вилучити з організації?</translation>
    </message>
    <message>
        <source>Remove {name} from «{org}»? The person stays registered. If they just left, you can set the date until which they were in it instead.</source>
        <translation>Вилучити людину ({name}) з «{org}»? Людина залишиться зареєстрованою. Якщо вона просто вийшла з організації, можна натомість зазначити дату «До».</translation>
    </message>
    <message>
        <source>{name} was removed from «{org}».</source>
        <translation>{name}: вилучено з «{org}».</translation>
    </message>
    <message>
        <source>registered {date}</source>
        <translation>зареєстровано {date}</translation>
    </message>
    <message>
        <source>memorandum {date}</source>
        <translation>меморандум {date}</translation>
    </message>
    <message>
        <source>initiative groups usually have none</source>
        <translation>в ініціативних груп зазвичай немає</translation>
    </message>
    <message>
        <source>«{name}» already has this EDRPOU code.</source>
        <translation>Цей код ЄДРПОУ вже має «{name}».</translation>
    </message>
</context>
<context>
    <name>OwnOfficePage</name>
    <message>
        <source>Your office</source>
        <translation>Ваш офіс</translation>
    </message>
    <message>
        <source>This is written on every event, visit and report. You can change it later in Settings.</source>
        <translation>Це буде зазначено в кожному заході, візиті та звіті. Змінити можна пізніше в Налаштуваннях.</translation>
    </message>
    <message>
        <source>Office name</source>
        <translation>Назва офісу</translation>
    </message>
    <message>
        <source>e.g. Офіс звʼязку Десна</source>
        <translation>напр. Офіс звʼязку Десна</translation>
    </message>
    <message>
        <source>Kind of office</source>
        <translation>Вид офісу</translation>
    </message>
    <message>
        <source>Settlement of the office</source>
        <translation>Населений пункт офісу</translation>
    </message>
    <message>
        <source>Your name</source>
        <translation>Ваше ім’я</translation>
    </message>
    <message>
        <source>e.g. Коваль Ірина Петрівна</source>
        <translation>напр. Коваль Ірина Петрівна</translation>
    </message>
    <message>
        <source>Office &amp;name:</source>
        <translation>&amp;Назва офісу:</translation>
    </message>
    <message>
        <source>&amp;Kind:</source>
        <translation>&amp;Вид:</translation>
    </message>
    <message>
        <source>&amp;Settlement:</source>
        <translation>Населений &amp;пункт:</translation>
    </message>
    <message>
        <source>Your &amp;name:</source>
        <translation>Ваше &amp;ім’я:</translation>
    </message>
    <message>
        <source>Other staff members can be added later in Settings; the status bar always shows who is working.</source>
        <translation>Інших працівників можна додати пізніше в Налаштуваннях; рядок стану завжди показує, хто працює.</translation>
    </message>
    <message>
        <source>— not in the list —</source>
        <translation>— немає в списку —</translation>
    </message>
    <message>
        <source>Your office «{name}» is ready. When the council gives you an address and a code, connect in Settings: everything recorded here goes up then.</source>
        <translation>Ваш офіс «{name}» готовий. Коли рада надасть адресу та код, підключіться в Налаштуваннях: усе, що ви тут запишете, тоді буде надіслано.</translation>
    </message>
</context>
<context>
    <name>Paper</name>
    <message>
        <source>Nobody is registered for this event yet, so there is nobody to make a badge for.</source>
        <translation>На цю подію ще ніхто не зареєструвався, тож бейджі робити нікому.</translation>
    </message>
    <message>
        <source>Nobody has attended this event yet, so there is nobody to give a certificate to.</source>
        <translation>На цій події ще ніхто не був присутній, тож сертифікати видавати нікому.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>№</translation>
    </message>
    <message>
        <source>Surname, first name, patronymic</source>
        <translation>Прізвище, імʼя, по батькові</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населений пункт</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Стать</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>Вікова група</translation>
    </message>
    <message>
        <source>Consent ✓</source>
        <translation>Згода ✓</translation>
    </message>
    <message>
        <source>Signature</source>
        <translation>Підпис</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>Реєстраційний аркуш</translation>
    </message>
    <message>
        <source>The PDF file could not be created.</source>
        <translation>Не вдалося створити файл PDF.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Сторінка {page} з {pages}</translation>
    </message>
    <message>
        <source>Certificate of participation</source>
        <translation>Сертифікат про участь</translation>
    </message>
    <message>
        <source>No. {number}</source>
        <translation>№ {number}</translation>
    </message>
    <message>
        <source>This certifies that</source>
        <translation>Цим засвідчується, що</translation>
    </message>
    <message>
        <source>took part in</source>
        <translation>брав(-ла) участь у заході</translation>
    </message>
    <message>
        <source>Duration: {hours} hours</source>
        <translation>Тривалість: {hours} год</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
</context>
<context>
    <name>PaperDialog</name>
    <message>
        <source>Sign-in sheet</source>
        <translation>Реєстраційний аркуш</translation>
    </message>
    <message>
        <source>«{title}»: {n} registered people in alphabetical order, then 20 empty rows for those who come without registering. Columns: name, settlement, phone (partly hidden), gender, age group, consent and signature; the consent text is printed under the table.</source>
        <translation>«{title}»: зареєстровані люди ({n}) за абеткою, далі 20 порожніх рядків для тих, хто прийде без реєстрації. Стовпці: ПІБ, населений пункт, телефон (частково прихований), стать, вікова група, згода та підпис; текст згоди надруковано під таблицею.</translation>
    </message>
    <message>
        <source>Badges and invitations</source>
        <translation>Бейджі та запрошення</translation>
    </message>
    <message>
        <source>«{title}»: a name badge (or an invitation to hand out) for each of the {n} registered people, eight to an A4 page, with a QR code that holds only the person&apos;s record number: at the desk, a scanner and one Enter check them in.</source>
        <translation>«{title}»: бейдж (або запрошення) для кожного із зареєстрованих ({n}), по вісім на аркуш A4, з QR-кодом, у якому лише номер запису людини: на реєстрації сканер і одне натискання Enter відмічають її.</translation>
    </message>
    <message>
        <source>Participation certificates</source>
        <translation>Сертифікати про участь</translation>
    </message>
    <message>
        <source>«{title}»: one page for each of the {n} people who attended, with a certificate number that the attendance export also lists.</source>
        <translation>«{title}»: по сторінці для кожного з присутніх ({n}), з номером сертифіката, який є і в експорті участі.</translation>
    </message>
    <message>
        <source>With &amp;QR codes (a scanner at the check-in desk reads them; they hold only the record&apos;s number)</source>
        <translation>З &amp;QR-кодами (їх зчитує сканер на реєстрації; у них лише номер запису)</translation>
    </message>
    <message>
        <source>Save as &amp;PDF…</source>
        <translation>Зберегти як &amp;PDF…</translation>
    </message>
    <message>
        <source>P&amp;rint…</source>
        <translation>&amp;Друкувати…</translation>
    </message>
    <message>
        <source>Nobody has been checked in to this event yet, so there is nobody to give a certificate to.</source>
        <translation>На цю подію ще нікого не відмічено, тож сертифікати видавати нікому.</translation>
    </message>
    <message>
        <source>Nobody is registered for this event yet.</source>
        <translation>На цю подію ще ніхто не зареєструвався.</translation>
    </message>
    <message>
        <source>Badges</source>
        <translation>Бейджі</translation>
    </message>
    <message>
        <source>Certificates</source>
        <translation>Сертифікати</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Зберегти як PDF</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The event no longer exists.</source>
        <translation>Цієї події вже немає.</translation>
    </message>
    <message>
        <source>Making the PDF…</source>
        <translation>Створення PDF…</translation>
    </message>
    <message>
        <source>Saved to {path}.</source>
        <translation>Збережено: {path}.</translation>
    </message>
</context>
<context>
    <name>PeopleList</name>
    <message>
        <source>Name</source>
        <extracomment>Milliseconds after the last key press before a search runs (typing stays smooth). Tables whose records a person merge changes (screens showing them refresh). Typical widest values of the people list&apos;s columns (see `kit.tables.setup_table`).</extracomment>
        <translation>ПІБ</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Рік нар.</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Телефон</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Нас. пункт</translation>
    </message>
</context>
<context>
    <name>PeopleScreen</name>
    <message>
        <source>&amp;Merge selected…</source>
        <extracomment>Emitted after the possible duplicates were (re)loaded (tests wait for it).</extracomment>
        <translation>Обʼ&amp;єднати вибраних…</translation>
    </message>
    <message>
        <source>Merge the two selected people</source>
        <translation>Обʼєднати двох вибраних людей</translation>
    </message>
    <message>
        <source>Select two records of the same person in the list (Ctrl+click), then merge them.</source>
        <translation>Виберіть у списку два записи однієї людини (Ctrl+клацання), а потім обʼєднайте їх.</translation>
    </message>
    <message>
        <source>&amp;New person</source>
        <translation>&amp;Нова людина</translation>
    </message>
    <message>
        <source>Register a new person</source>
        <translation>Зареєструвати нову людину</translation>
    </message>
    <message>
        <source>Register a new person (Ctrl+N)</source>
        <translation>Зареєструвати нову людину (Ctrl+N)</translation>
    </message>
    <message>
        <source>Bring in a list of people from Excel (XLSX or CSV)</source>
        <translation>Завантажити список людей з Excel (XLSX або CSV)</translation>
    </message>
    <message>
        <source>&amp;Review</source>
        <translation>&amp;Переглянути</translation>
    </message>
    <message>
        <source>Review possible duplicates</source>
        <translation>Переглянути можливі дублікати</translation>
    </message>
    <message>
        <source>Find by surname, name or phone (Ctrl+F)</source>
        <translation>Пошук за прізвищем, імʼям або телефоном (Ctrl+F)</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Знайти людину</translation>
    </message>
    <message>
        <source>Filter by gender</source>
        <translation>Фільтр за статтю</translation>
    </message>
    <message>
        <source>All genders</source>
        <translation>Будь-яка стать</translation>
    </message>
    <message>
        <source>Filter by settlement</source>
        <translation>Фільтр за населеним пунктом</translation>
    </message>
    <message>
        <source>Filter by consent</source>
        <translation>Фільтр за згодою</translation>
    </message>
    <message>
        <source>Any consent</source>
        <translation>Згода: будь-яка</translation>
    </message>
    <message>
        <source>Consent given</source>
        <translation>Є згода</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Без згоди</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Згоду відкликано</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Згода</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Possible duplicates</source>
        <translation>Можливі дублікати</translation>
    </message>
    <message>
        <source>These records share a phone number, or a name and birth year. Compare each pair: merge them if they are the same person, or mark them as different people.</source>
        <translation>У цих записів однаковий номер телефону або однакові імʼя та рік народження. Порівняйте кожну пару: обʼєднайте, якщо це та сама людина, або позначте як різних людей.</translation>
    </message>
    <message>
        <source>&amp;Back to the list</source>
        <translation>&amp;Назад до списку</translation>
    </message>
    <message>
        <source>&amp;Not the same person</source>
        <translation>&amp;Це різні люди</translation>
    </message>
    <message>
        <source>Not the same person</source>
        <translation>Це різні люди</translation>
    </message>
    <message>
        <source>&amp;Compare and merge…</source>
        <translation>&amp;Порівняти й обʼєднати…</translation>
    </message>
    <message>
        <source>Compare and merge</source>
        <translation>Порівняти й обʼєднати</translation>
    </message>
    <message>
        <source>Found: {count}</source>
        <translation>Знайдено: {count}</translation>
    </message>
    <message>
        <source>People: {count}</source>
        <translation>Усього: {count}</translation>
    </message>
    <message>
        <source>Nobody matches. Check the spelling, try fewer letters, or register the person with Ctrl+N.</source>
        <translation>Нікого не знайдено. Перевірте написання, введіть менше літер або зареєструйте людину (Ctrl+N).</translation>
    </message>
    <message>
        <source>Nobody is registered yet. Register the first person with Ctrl+N.</source>
        <translation>Ще нікого не зареєстровано. Зареєструйте першу людину (Ctrl+N).</translation>
    </message>
    <message>
        <source>All settlements</source>
        <translation>Усі населені пункти</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>withdrawn</source>
        <translation>відкликано</translation>
    </message>
    <message>
        <source>the new person</source>
        <translation>нова людина</translation>
    </message>
    <message>
        <source>{name} registered.</source>
        <translation>Зареєстровано: {name}.</translation>
    </message>
    <message>
        <source>Changes to {name} saved.</source>
        <translation>Зміни збережено: {name}.</translation>
    </message>
    <message>
        <source>The consent of {name} was updated.</source>
        <translation>Згоду оновлено: {name}.</translation>
    </message>
    <message>
        <source>Delete {name}?</source>
        <translation>Вилучити: {name}?</translation>
    </message>
    <message>
        <source>Their records stay, so reports do not change: events {events}, ideas {ideas}, advice visits {visits}, comments {submissions}, CSO roles {roles}.</source>
        <translation>Повʼязані записи залишаться, тож звіти не зміняться: події — {events}, ідеї — {ideas}, консультації — {visits}, пропозиції — {submissions}, ролі в ГО — {roles}.</translation>
    </message>
    <message>
        <source>You can undo this right after.</source>
        <translation>Одразу після цього дію можна скасувати.</translation>
    </message>
    <message>
        <source>Delete person?</source>
        <translation>Вилучити людину?</translation>
    </message>
    <message>
        <source>{name} was deleted.</source>
        <translation>Вилучено: {name}.</translation>
    </message>
    <message>
        <source>Merge with another record</source>
        <translation>Обʼєднати з іншим записом</translation>
    </message>
    <message>
        <source>Find the other record of {name}. You will compare the two before anything changes.</source>
        <translation>Знайдіть інший запис людини ({name}). Перш ніж щось зміниться, ви порівняєте обидва записи.</translation>
    </message>
    <message>
        <source>Cannot merge</source>
        <translation>Неможливо обʼєднати</translation>
    </message>
    <message>
        <source>The records were merged. Linked records moved to the kept one: {links}.</source>
        <translation>Записи обʼєднано. До залишеного запису перенесено повʼязаних записів: {links}.</translation>
    </message>
    <message>
        <source>Possible duplicates to review: {count}. The same person may have been registered twice, here or on another laptop.</source>
        <translation>Можливі дублікати для перевірки: {count}. Ту саму людину могли зареєструвати двічі — тут або на іншому ноутбуці.</translation>
    </message>
    <message>
        <source>Marked as different people.</source>
        <translation>Позначено як різних людей.</translation>
    </message>
</context>
<context>
    <name>PeriodFilter</name>
    <message>
        <source>Period</source>
        <translation>Період</translation>
    </message>
    <message>
        <source>Any time</source>
        <translation>За весь час</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Останні 30 днів</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Останні 3 місяці</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Цей рік</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>Минулий рік</translation>
    </message>
    <message>
        <source>Chosen dates…</source>
        <translation>Вибрані дати…</translation>
    </message>
    <message>
        <source>Period from</source>
        <translation>Початок періоду</translation>
    </message>
    <message>
        <source>Period to</source>
        <translation>Кінець періоду</translation>
    </message>
</context>
<context>
    <name>PersonAccess</name>
    <message>
        <source>What we keep about you</source>
        <translation>Що ми зберігаємо про вас</translation>
    </message>
    <message>
        <source>Nothing of this kind is kept.</source>
        <translation>Нічого такого не зберігається.</translation>
    </message>
    <message>
        <source>Everything this office&apos;s computer holds about the person named below, as of the date at the foot of each page. You may ask for any of it to be corrected, or for all of it to be removed.</source>
        <translation>Усе, що зберігає комп’ютер офісу про людину, названу нижче, станом на дату внизу кожної сторінки. Ви можете попросити виправити будь-що з цього або видалити все.</translation>
    </message>
    <message>
        <source>Events you came to</source>
        <extracomment>(section key, title, {column key: header})</extracomment>
        <translation>Заходи, на які ви приходили</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Захід</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Коли</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Участь</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Your rating</source>
        <translation>Ваша оцінка</translation>
    </message>
    <message>
        <source>Your comment</source>
        <translation>Ваш коментар</translation>
    </message>
    <message>
        <source>What you said in consultations</source>
        <translation>Що ви сказали під час консультацій</translation>
    </message>
    <message>
        <source>Consultation</source>
        <translation>Консультація</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Отримано</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Відповідь</translation>
    </message>
    <message>
        <source>Your visits for advice</source>
        <translation>Ваші звернення по пораду</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>Who advised you</source>
        <translation>Хто вас консультував</translation>
    </message>
    <message>
        <source>Your ideas and appeals</source>
        <translation>Ваші ідеї та звернення</translation>
    </message>
    <message>
        <source>Idea</source>
        <translation>Ідея</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Organisations you belong to</source>
        <translation>Організації, до яких ви належите</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Організація</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Від</translation>
    </message>
    <message>
        <source>Files about you</source>
        <translation>Файли про вас</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Size, bytes</source>
        <translation>Розмір, байтів</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Додано</translation>
    </message>
    <message>
        <source>Who changed your record, and when</source>
        <translation>Хто і коли змінював ваш запис</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>Зміна</translation>
    </message>
    <message>
        <source>Fields</source>
        <translation>Поля</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Ким</translation>
    </message>
    <message>
        <source>Record made</source>
        <extracomment>(section, field) -&gt; the vocabulary whose label stands for the code (&quot;&quot; = any section). Labels of the fields `everything_about` adds to the person&apos;s own.</extracomment>
        <translation>Запис створено</translation>
    </message>
    <message>
        <source>Last changed</source>
        <translation>Востаннє змінено</translation>
    </message>
    <message>
        <source>Settlement</source>
        <translation>Населений пункт</translation>
    </message>
    <message>
        <source>Office that keeps the record</source>
        <translation>Офіс, що веде запис</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Вилучено</translation>
    </message>
    <message>
        <source>created</source>
        <translation>створено</translation>
    </message>
    <message>
        <source>changed</source>
        <translation>змінено</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>вилучено</translation>
    </message>
    <message>
        <source>restored</source>
        <translation>відновлено</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>так</translation>
    </message>
    <message>
        <source>no</source>
        <translation>ні</translation>
    </message>
    <message>
        <source>Your record</source>
        <translation>Ваш запис</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значення</translation>
    </message>
</context>
<context>
    <name>PersonPicker</name>
    <message>
        <source>&amp;Find a person:</source>
        <translation>&amp;Знайти людину:</translation>
    </message>
    <message>
        <source>Surname, name or phone</source>
        <translation>Прізвище, імʼя або телефон</translation>
    </message>
    <message>
        <source>Find a person</source>
        <translation>Знайти людину</translation>
    </message>
    <message>
        <source>People found</source>
        <extracomment>The highlighted person changed (id or None).</extracomment>
        <translation>Знайдені люди</translation>
    </message>
</context>
<context>
    <name>PersonProfile</name>
    <message>
        <source>Choose a person in the list to see their details and history, or register a new person with Ctrl+N.</source>
        <translation>Виберіть людину в списку, щоб побачити її дані та історію, або зареєструйте нову людину (Ctrl+N).</translation>
    </message>
    <message>
        <source>Merge &amp;with…</source>
        <extracomment>The user asked to merge the shown person with another. A history item asks to open another screen: (screen key, item). The consent was recorded or withdrawn (person id). The person was forgotten (id); the backups were cleaned afterwards (id). Everything kept about the person was saved (path). The person&apos;s history was asked for (the main window shows it).</extracomment>
        <translation>Обʼєднати &amp;з…</translation>
    </message>
    <message>
        <source>Merge with another record</source>
        <translation>Обʼєднати з іншим записом</translation>
    </message>
    <message>
        <source>This person is registered twice? Choose the other record and merge them.</source>
        <translation>Людину зареєстровано двічі? Виберіть інший запис і обʼєднайте їх.</translation>
    </message>
    <message>
        <source>Delete this person</source>
        <translation>Вилучити цю людину</translation>
    </message>
    <message>
        <source>Consent to process personal data</source>
        <translation>Згода на обробку персональних даних</translation>
    </message>
    <message>
        <source>Consent status</source>
        <translation>Стан згоди</translation>
    </message>
    <message>
        <source>&amp;Record consent…</source>
        <translation>&amp;Записати згоду…</translation>
    </message>
    <message>
        <source>Record consent</source>
        <translation>Записати згоду</translation>
    </message>
    <message>
        <source>With&amp;draw consent…</source>
        <translation>&amp;Відкликати згоду…</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Відкликати згоду</translation>
    </message>
    <message>
        <source>Everything &amp;kept…</source>
        <translation>Усі &amp;дані…</translation>
    </message>
    <message>
        <source>Save everything kept about this person</source>
        <translation>Зберегти все, що зберігається про цю людину</translation>
    </message>
    <message>
        <source>The person asks what is kept about them: save all of it (events, consultations, visits, ideas, CSOs, files, who changed the record) to a file to give them.</source>
        <translation>Людина питає, що про неї зберігається: збережіть усе (заходи, консультації, візити, ідеї, ГО, файли, хто змінював запис) у файл, щоб передати їй.</translation>
    </message>
    <message>
        <source>&amp;Forget…</source>
        <translation>&amp;Забути…</translation>
    </message>
    <message>
        <source>Forget this person</source>
        <translation>Забути цю людину</translation>
    </message>
    <message>
        <source>The person asks to be forgotten: remove their name, contacts, notes, files and what was written about them, here and on every copy. What the statistics count stays.</source>
        <translation>Людина просить її забути: видалити ім’я, контакти, нотатки, файли й те, що про неї записано, тут і в усіх копіях. Те, що враховує статистика, залишається.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Людина</translation>
    </message>
    <message>
        <source>&amp;History…</source>
        <translation>&amp;Історія…</translation>
    </message>
    <message>
        <source>Who changed this person&apos;s record, when, on which computer, and what they changed (Ctrl+H)</source>
        <translation>Хто, коли і на якому комп’ютері змінював запис цієї людини і що саме (Ctrl+H)</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Подія</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Відгук</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Отримано</translation>
    </message>
    <message>
        <source>Idea or appeal</source>
        <translation>Ідея чи звернення</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Канал</translation>
    </message>
    <message>
        <source>Ideas and appeals</source>
        <translation>Ідеї та звернення</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Інструмент</translation>
    </message>
    <message>
        <source>Follow up</source>
        <translation>Повторний контакт</translation>
    </message>
    <message>
        <source>Advice visits</source>
        <translation>Консультації</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Організація</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>З</translation>
    </message>
    <message>
        <source>Until</source>
        <translation>До</translation>
    </message>
    <message>
        <source>CSO roles</source>
        <translation>Ролі в ГО</translation>
    </message>
    <message>
        <source>New person</source>
        <extracomment>What each history row opens: (screen key, item), in the order the rows were filled.</extracomment>
        <translation>Нова людина</translation>
    </message>
    <message>
        <source>text version {version}</source>
        <translation>версія тексту {version}</translation>
    </message>
    <message>
        <source>Consent given on {date}</source>
        <translation>Згоду надано {date}</translation>
    </message>
    <message>
        <source>It is recorded when the person is saved.</source>
        <translation>Її буде записано разом із даними людини.</translation>
    </message>
    <message>
        <source>Consent withdrawn on {date}. Do not contact this person or use their data beyond what the law requires.</source>
        <translation>Згоду відкликано {date}. Не звертайтеся до цієї людини й не використовуйте її дані понад те, що вимагає закон.</translation>
    </message>
    <message>
        <source>No consent recorded. Ask the person to sign the consent form before keeping more than their name.</source>
        <translation>Згоду не записано. Попросіть людину підписати згоду, перш ніж зберігати щось, крім її імені.</translation>
    </message>
    <message>
        <source>Forgotten at the person&apos;s request on {date}: only their gender, age group, settlement and participation are kept, for the statistics.</source>
        <translation>Дані видалено на прохання людини {date}: для статистики залишено лише стать, вікову групу, населений пункт і участь.</translation>
    </message>
    <message>
        <source>&amp;New consent…</source>
        <translation>&amp;Нова згода…</translation>
    </message>
    <message>
        <source>The person</source>
        <translation>Людина</translation>
    </message>
    <message>
        <source>Withdraw consent?</source>
        <translation>Відкликати згоду?</translation>
    </message>
    <message>
        <source>{name} no longer agrees that the office keeps and uses their personal data.

The date of the withdrawal is recorded; their past participation stays in the office&apos;s records and reports.</source>
        <translation>{name} більше не погоджується, щоб офіс зберігав і використовував персональні дані.

Дату відкликання буде записано; участь у минулих заходах залишиться в записах і звітах офісу.</translation>
    </message>
    <message>
        <source>Ideas</source>
        <translation>Ідеї</translation>
    </message>
    <message>
        <source>CSOs</source>
        <translation>ГО</translation>
    </message>
    <message>
        <source>rating {rating}/5</source>
        <translation>оцінка {rating}/5</translation>
    </message>
    <message>
        <source>learned something</source>
        <translation>дізнався(-лася) нове</translation>
    </message>
    <message>
        <source>would recommend</source>
        <translation>порекомендує</translation>
    </message>
    <message>
        <source>Registered {date}</source>
        <translation>Зареєстровано {date}</translation>
    </message>
    <message>
        <source>changed {date}</source>
        <translation>змінено {date}</translation>
    </message>
    <message>
        <source>Worked out from the birth year</source>
        <translation>Визначено за роком народження</translation>
    </message>
    <message>
        <source>Save everything kept about the person</source>
        <translation>Зберегти все, що зберігається про людину</translation>
    </message>
    <message>
        <source>PDF for the person (*.pdf);;JSON, for another program (*.json)</source>
        <translation>PDF для людини (*.pdf);;JSON для іншої програми (*.json)</translation>
    </message>
    <message>
        <source>Saving everything kept about {name}…</source>
        <translation>Зберігаємо все, що відомо про: {name}…</translation>
    </message>
    <message>
        <source>Forget {name}?</source>
        <translation>Забути: {name}?</translation>
    </message>
    <message>
        <source>{name} asked for their personal data to be removed.

Their name, birth year, contacts, address, notes, files and what was written about them will be removed from this computer and its backups now, and from the platform and every other office computer with the next sync. This cannot be undone.

Their gender, age group and settlement stay, and so do their check-ins: the office&apos;s reports do not change.</source>
        <translation>{name} просить видалити свої персональні дані.

Ім’я, рік народження, контакти, адресу, нотатки, файли й те, що про людину записано, буде видалено з цього комп’ютера та його резервних копій зараз, а з платформи й усіх інших комп’ютерів офісів — під час наступної синхронізації. Скасувати це неможливо.

Стать, вікова група й населений пункт залишаються, як і відмітки про участь: звіти офісу не зміняться.</translation>
    </message>
    <message>
        <source>Forget</source>
        <translation>Забути</translation>
    </message>
    <message>
        <source>{name} was forgotten on this computer: {records} records and {history} earlier values changed, {files} files and {backups} backups cleaned. The platform and other computers follow with the next sync.</source>
        <translation>{name}: дані видалено на цьому комп’ютері — змінено записів: {records}, попередніх значень в історії: {history}; очищено файлів: {files}, резервних копій: {backups}. Платформа й інші комп’ютери зроблять те саме під час наступної синхронізації.</translation>
    </message>
    <message>
        <source>{n} backups could not be opened: delete them by hand.</source>
        <translation>Не вдалося відкрити резервних копій: {n}. Видаліть їх вручну.</translation>
    </message>
    <message>
        <source>Removing {name} from the backups…</source>
        <translation>Видаляємо дані ({name}) з резервних копій…</translation>
    </message>
    <message>
        <source>Everything kept about {name} was saved to {file}.</source>
        <translation>Усе, що зберігається про {name}, збережено у {file}.</translation>
    </message>
</context>
<context>
    <name>PickPersonDialog</name>
    <message>
        <source>C&amp;hoose</source>
        <translation>&amp;Вибрати</translation>
    </message>
</context>
<context>
    <name>PlatformRefusal</name>
    <message>
        <source>this person asked for their data to be removed</source>
        <translation>ця людина попросила видалити її дані</translation>
    </message>
    <message>
        <source>only the city council can change reference lists</source>
        <translation>довідники може змінювати лише міська рада</translation>
    </message>
    <message>
        <source>conflicts are recorded by the platform, not by offices</source>
        <translation>конфлікти записує платформа, а не офіси</translation>
    </message>
    <message>
        <source>an office can only mark a conflict as resolved</source>
        <translation>офіс може лише позначити конфлікт як розв’язаний</translation>
    </message>
    <message>
        <source>a record can only be created for this device&apos;s own office</source>
        <translation>запис можна створити лише для власного офісу цього комп’ютера</translation>
    </message>
    <message>
        <source>this record belongs to another office</source>
        <translation>цей запис належить іншому офісу</translation>
    </message>
    <message>
        <source>a record cannot be moved to another office</source>
        <translation>запис не можна перенести до іншого офісу</translation>
    </message>
    <message>
        <source>the council&apos;s answer can only be given or changed by the council</source>
        <translation>відповідь ради може дати чи змінити лише рада</translation>
    </message>
    <message>
        <source>only the council can set this status</source>
        <translation>цей стан може встановити лише рада</translation>
    </message>
    <message>
        <source>the council has taken this idea up; only the council can change its status</source>
        <translation>рада вже взяла цю ідею до роботи; змінити її стан може лише рада</translation>
    </message>
    <message>
        <source>an attendance record&apos;s id must come from its person and event</source>
        <translation>ідентифікатор відмітки участі має складатися з людини й заходу</translation>
    </message>
    <message>
        <source>it refers to a {word} the platform does not have ({column} {value})</source>
        <extracomment>With the kind of record (&quot;person&quot;, &quot;event&quot;...), the field and the id it names.</extracomment>
        <translation>посилається на запис ({word}), якого немає на платформі ({column} {value})</translation>
    </message>
    <message>
        <source>it refers to a {word} of another office ({column} {value})</source>
        <translation>посилається на запис ({word}) іншого офісу ({column} {value})</translation>
    </message>
    <message>
        <source>person</source>
        <translation>людина</translation>
    </message>
    <message>
        <source>event</source>
        <translation>захід</translation>
    </message>
    <message>
        <source>consultation</source>
        <translation>консультація</translation>
    </message>
    <message>
        <source>organisation</source>
        <translation>організація</translation>
    </message>
</context>
<context>
    <name>ProfilePanel</name>
    <message>
        <source>&amp;Save</source>
        <extracomment>The record table. The record&apos;s fields the form writes (others on the form are only shown). Emitted after a save: (id, whether it was created). Delete was clicked (the screen asks and deletes).</extracomment>
        <translation>З&amp;берегти</translation>
    </message>
    <message>
        <source>Save the details (Ctrl+S)</source>
        <translation>Зберегти дані (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Зберегти</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
    <message>
        <source>Discard the changes</source>
        <translation>Скасувати зміни</translation>
    </message>
    <message>
        <source>&amp;Delete…</source>
        <translation>В&amp;илучити…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>Дані</translation>
    </message>
    <message>
        <source>Fill in the details and save (Ctrl+S).</source>
        <translation>Заповніть дані та збережіть (Ctrl+S).</translation>
    </message>
</context>
<context>
    <name>ProfileScreen</name>
    <message>
        <source>&amp;Import…</source>
        <extracomment>The field of another table&apos;s record that names this screen&apos;s record (an item from another screen: an attendance row names its person by `person_id`).</extracomment>
        <translation>&amp;Імпорт…</translation>
    </message>
</context>
<context>
    <name>QuickPersonDialog</name>
    <message>
        <source>New person</source>
        <extracomment>People shown under the search box of a person field. The new person&apos;s id (with `store=True`), once stored.</extracomment>
        <translation>Нова людина</translation>
    </message>
    <message>
        <source>Write down only what the person agrees to give. Their consent is needed to keep their name and phone.</source>
        <translation>Записуйте лише те, що людина погоджується повідомити. Щоб зберегти її імʼя та телефон, потрібна її згода.</translation>
    </message>
    <message>
        <source>The person agreed to the processing of their personal data (consent text {version})</source>
        <translation>Людина погодилася на обробку своїх персональних даних (текст згоди {version})</translation>
    </message>
    <message>
        <source>The person agreed to the processing of their personal data</source>
        <translation>Людина погодилася на обробку своїх персональних даних</translation>
    </message>
    <message>
        <source>How consent was given</source>
        <translation>Як надано згоду</translation>
    </message>
    <message>
        <source>&amp;How consent was given:</source>
        <translation>&amp;Як надано згоду:</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>&amp;Додати</translation>
    </message>
    <message>
        <source>Add the person</source>
        <translation>Додати людину</translation>
    </message>
    <message>
        <source>Tick the consent box once the person agrees.</source>
        <translation>Позначте згоду, коли людина погодиться.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Скасувати</translation>
    </message>
</context>
<context>
    <name>RecordEditor</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Незбережені зміни</translation>
    </message>
    <message>
        <source>Save the changes to {what}?</source>
        <translation>Зберегти зміни, внесені в {what}?</translation>
    </message>
    <message>
        <source>Delete?</source>
        <translation>Видалити?</translation>
    </message>
    <message>
        <source>Undo your changes?</source>
        <translation>Скасувати зміни?</translation>
    </message>
    <message>
        <source>Go back to the saved values of {what}? What you typed is lost.</source>
        <translation>Повернути {what} до збереженого стану? Те, що ви ввели, буде втрачено.</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <extracomment>Emitted after a record was saved (its id). Something outside the form changed (a person picked, a file attached). The form&apos;s values as loaded: typing something and deleting it again is no change.</extracomment>
        <translation>&amp;Видалити</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Зберегти</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Зберегти (Ctrl+S)</translation>
    </message>
    <message>
        <source>Shown: {count}</source>
        <translation>Показано: {count}</translation>
    </message>
    <message>
        <source>Delete {what}?</source>
        <translation>Видалити {what}?</translation>
    </message>
    <message>
        <source>Deleted {what}.</source>
        <translation>Видалено {what}.</translation>
    </message>
    <message>
        <source>Written by the council; it arrives here with sync.</source>
        <translation>Заповнює рада; надходить сюди під час синхронізації.</translation>
    </message>
</context>
<context>
    <name>Report</name>
    <message>
        <source>Not given</source>
        <extracomment>Column kinds.</extracomment>
        <translation>Не вказано</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Разом</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Кількість</translation>
    </message>
    <message>
        <source>Share</source>
        <translation>Частка</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Показник</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Значення</translation>
    </message>
    <message>
        <source>Events held</source>
        <translation>Проведено подій</translation>
    </message>
    <message>
        <source>Participants (each person once)</source>
        <translation>Учасників (кожна людина один раз)</translation>
    </message>
    <message>
        <source>Attendances (check-ins)</source>
        <translation>Відвідувань (відміток про прихід)</translation>
    </message>
    <message>
        <source>First-time participants</source>
        <translation>Нових учасників (уперше)</translation>
    </message>
    <message>
        <source>Said their knowledge improved</source>
        <translation>Зазначили, що їхні знання покращилися</translation>
    </message>
    <message>
        <source>Would recommend to others</source>
        <translation>Порекомендували б іншим</translation>
    </message>
    <message>
        <source>Average rating (out of 5)</source>
        <translation>Середня оцінка (з 5)</translation>
    </message>
    <message>
        <source>CSOs created</source>
        <translation>Створено ГО</translation>
    </message>
    <message>
        <source>Ideas and appeals received</source>
        <translation>Отримано ідей і звернень</translation>
    </message>
    <message>
        <source>Answered by the council</source>
        <translation>Отримали відповідь ради</translation>
    </message>
    <message>
        <source>Public consultations</source>
        <translation>Консультації з громадськістю</translation>
    </message>
    <message>
        <source>Advice visits</source>
        <translation>Консультації в офісі</translation>
    </message>
    <message>
        <source>Key figures</source>
        <translation>Основні показники</translation>
    </message>
    <message>
        <source>Percentages are of the people who answered the question.</source>
        <translation>Відсотки — від кількості людей, які відповіли на запитання.</translation>
    </message>
    <message>
        <source>People reached (each person once)</source>
        <translation>Охоплено людей (кожна людина один раз)</translation>
    </message>
    <message>
        <source>The council&apos;s targets</source>
        <translation>Цілі, встановлені радою</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Ціль</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Виконано</translation>
    </message>
    <message>
        <source>Share of the target</source>
        <translation>Частка виконання</translation>
    </message>
    <message>
        <source>Targets are set by the council for a year; a shorter period is measured against the whole year&apos;s target.</source>
        <translation>Цілі рада встановлює на рік; коротший період порівнюється з ціллю на весь рік.</translation>
    </message>
    <message>
        <source>Events of the period</source>
        <translation>Події періоду</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Стан</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>Проведено</translation>
    </message>
    <message>
        <source>Not held yet</source>
        <translation>Ще не проведено</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Скасовано</translation>
    </message>
    <message>
        <source>An event counts as held when it is marked held or somebody was checked in.</source>
        <translation>Подія вважається проведеною, якщо її позначено як проведену або на ній відмічено хоча б одного учасника.</translation>
    </message>
    <message>
        <source>Events held by kind</source>
        <translation>Проведені події за видом</translation>
    </message>
    <message>
        <source>Kind of event</source>
        <translation>Вид події</translation>
    </message>
    <message>
        <source>Events held by level of participation</source>
        <translation>Проведені події за рівнем участі</translation>
    </message>
    <message>
        <source>Level of participation</source>
        <translation>Рівень участі</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>Учасників</translation>
    </message>
    <message>
        <source>Attendances</source>
        <translation>Відвідувань</translation>
    </message>
    <message>
        <source>People reached</source>
        <translation>Охоплення</translation>
    </message>
    <message>
        <source>Attendances per participant</source>
        <translation>Відвідувань на одного учасника</translation>
    </message>
    <message>
        <source>Share of first-time participants</source>
        <translation>Частка нових учасників</translation>
    </message>
    <message>
        <source>Organisers and facilitators are not counted. First-time: no check-in in the same scope before the period.</source>
        <translation>Організаторів і модераторів не враховано. Нові учасники — ті, хто до початку періоду не відвідував жодної події того самого офісу (чи офісів).</translation>
    </message>
    <message>
        <source>Participants by gender</source>
        <translation>Учасники за статтю</translation>
    </message>
    <message>
        <source>Gender</source>
        <translation>Стать</translation>
    </message>
    <message>
        <source>Participants by age group</source>
        <translation>Учасники за віком</translation>
    </message>
    <message>
        <source>Age group</source>
        <translation>Вікова група</translation>
    </message>
    <message>
        <source>Feedback from participants</source>
        <translation>Відгуки учасників</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Запитання</translation>
    </message>
    <message>
        <source>Answered “yes”</source>
        <translation>Відповіли «так»</translation>
    </message>
    <message>
        <source>Answers</source>
        <translation>Відповідей</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>Результат</translation>
    </message>
    <message>
        <source>My knowledge improved</source>
        <translation>Мої знання покращилися</translation>
    </message>
    <message>
        <source>I would recommend it to others</source>
        <translation>Я порекомендую це іншим</translation>
    </message>
    <message>
        <source>Rating from 1 to 5 (average)</source>
        <translation>Оцінка від 1 до 5 (середня)</translation>
    </message>
    <message>
        <source>Feedback forms received: {count}</source>
        <translation>Отримано анкет зворотного звʼязку: {count}</translation>
    </message>
    <message>
        <source>Feedback</source>
        <translation>Відгуки</translation>
    </message>
    <message>
        <source>Civil society organisations</source>
        <translation>Громадські організації</translation>
    </message>
    <message>
        <source>CSOs in figures</source>
        <translation>ГО в цифрах</translation>
    </message>
    <message>
        <source>CSOs created (registered in the period)</source>
        <translation>Створено ГО (зареєстровано за період)</translation>
    </message>
    <message>
        <source>CSOs with a partnership memorandum</source>
        <translation>ГО з меморандумом про партнерство</translation>
    </message>
    <message>
        <source>Memoranda signed in the period</source>
        <translation>Підписано меморандумів за період</translation>
    </message>
    <message>
        <source>New CSO members</source>
        <translation>Нових членів ГО</translation>
    </message>
    <message>
        <source>CSOs created by legal form</source>
        <translation>Створені ГО за організаційно-правовою формою</translation>
    </message>
    <message>
        <source>Legal form</source>
        <translation>Організаційно-правова форма</translation>
    </message>
    <message>
        <source>Ideas and appeals</source>
        <translation>Ідеї та звернення</translation>
    </message>
    <message>
        <source>Citizens&apos; ideas and appeals</source>
        <translation>Ідеї та звернення громадян</translation>
    </message>
    <message>
        <source>Received in the period</source>
        <translation>Отримано за період</translation>
    </message>
    <message>
        <source>Share answered</source>
        <translation>Частка з відповіддю</translation>
    </message>
    <message>
        <source>Still waiting for an answer</source>
        <translation>Ще чекають на відповідь</translation>
    </message>
    <message>
        <source>Average days to answer</source>
        <translation>Середній строк відповіді, днів</translation>
    </message>
    <message>
        <source>Answered on time</source>
        <translation>Відповідь вчасно</translation>
    </message>
    <message>
        <source>Overdue, not answered</source>
        <translation>Прострочено, без відповіді</translation>
    </message>
    <message>
        <source>Ideas received in the period, with their status today.</source>
        <translation>Ідеї, отримані за період, і їхній стан на сьогодні.</translation>
    </message>
    <message>
        <source>By channel</source>
        <translation>За способом подання</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>Спосіб подання</translation>
    </message>
    <message>
        <source>By status</source>
        <translation>За станом</translation>
    </message>
    <message>
        <source>Consultations and advice visits</source>
        <translation>Консультації</translation>
    </message>
    <message>
        <source>Consultations open in the period</source>
        <translation>Консультацій, що тривали в цей період</translation>
    </message>
    <message>
        <source>Submissions received</source>
        <translation>Отримано пропозицій</translation>
    </message>
    <message>
        <source>Submissions answered</source>
        <translation>Пропозицій з відповіддю</translation>
    </message>
    <message>
        <source>Consultations by level</source>
        <translation>Консультації за рівнем участі</translation>
    </message>
    <message>
        <source>Advice visits by participation tool</source>
        <translation>Консультації в офісі за інструментом участі</translation>
    </message>
    <message>
        <source>Participation tool</source>
        <translation>Інструмент участі</translation>
    </message>
    <message>
        <source>Different visitors: {count}</source>
        <translation>Різних відвідувачів: {count}</translation>
    </message>
    <message>
        <source>All offices</source>
        <translation>Усі офіси</translation>
    </message>
    <message>
        <source>Work of each office</source>
        <translation>Робота кожного офісу</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Офіс</translation>
    </message>
    <message>
        <source>A person who came to several offices is a participant of each, so the offices&apos; participants add up to more than the total.</source>
        <translation>Людина, яка приходила до кількох офісів, є учасником кожного з них, тому сума учасників за офісами більша за загальну кількість.</translation>
    </message>
    <message>
        <source>By office</source>
        <translation>За офісами</translation>
    </message>
    <message>
        <source>Report on the work of the office</source>
        <translation>Звіт про роботу офісу</translation>
    </message>
    <message>
        <source>Report on the work of the offices</source>
        <translation>Звіт про роботу офісів</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>The PDF file could not be created.</source>
        <extracomment>Dots per inch of the PDF&apos;s coordinate system (text is vector anyway; this sets how finely positions are placed and how sharp the chart images are). Space kept at the bottom of each page for the footer, in points.</extracomment>
        <translation>Не вдалося створити файл PDF.</translation>
    </message>
    <message>
        <source>Page {page} of {pages}</source>
        <translation>Сторінка {page} з {pages}</translation>
    </message>
</context>
<context>
    <name>ReportsScreen</name>
    <message>
        <source>Reading the events…</source>
        <extracomment>Emitted when a computed report is shown (tests wait for it). Emitted with the file after an export was written.</extracomment>
        <translation>Читаємо події…</translation>
    </message>
    <message>
        <source>Reading check-ins…</source>
        <translation>Читаємо відмітки про прихід…</translation>
    </message>
    <message>
        <source>Counting events held…</source>
        <translation>Рахуємо проведені події…</translation>
    </message>
    <message>
        <source>Counting people reached…</source>
        <translation>Рахуємо охоплених людей…</translation>
    </message>
    <message>
        <source>Finding first-time participants…</source>
        <translation>Шукаємо нових учасників…</translation>
    </message>
    <message>
        <source>Adding up feedback…</source>
        <translation>Підсумовуємо відгуки…</translation>
    </message>
    <message>
        <source>Counting CSOs…</source>
        <translation>Рахуємо громадські організації…</translation>
    </message>
    <message>
        <source>Counting ideas and appeals…</source>
        <translation>Рахуємо ідеї та звернення…</translation>
    </message>
    <message>
        <source>Counting consultations…</source>
        <translation>Рахуємо консультації з громадськістю…</translation>
    </message>
    <message>
        <source>Counting advice visits…</source>
        <translation>Рахуємо консультації в офісі…</translation>
    </message>
    <message>
        <source>Report period</source>
        <translation>Період звіту</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Цей місяць</translation>
    </message>
    <message>
        <source>Last month</source>
        <translation>Минулий місяць</translation>
    </message>
    <message>
        <source>This quarter</source>
        <translation>Цей квартал</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>Цей рік</translation>
    </message>
    <message>
        <source>Other dates</source>
        <translation>Інші дати</translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation>&amp;Період:</translation>
    </message>
    <message>
        <source>Period starts on</source>
        <translation>Початок періоду</translation>
    </message>
    <message>
        <source>Period ends on</source>
        <translation>Кінець періоду</translation>
    </message>
    <message>
        <source>&amp;from</source>
        <translation>&amp;з</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>п&amp;о</translation>
    </message>
    <message>
        <source>Whose work the report covers</source>
        <translation>Чию роботу охоплює звіт</translation>
    </message>
    <message>
        <source>&amp;Covers:</source>
        <translation>&amp;Охоплює:</translation>
    </message>
    <message>
        <source>Save &amp;PDF…</source>
        <translation>Зберегти &amp;PDF…</translation>
    </message>
    <message>
        <source>Save the report as a PDF file</source>
        <translation>Зберегти звіт у файл PDF</translation>
    </message>
    <message>
        <source>A4 report for printing or a letter (Ctrl+S)</source>
        <translation>Звіт на аркушах А4 — для друку чи листа (Ctrl+S)</translation>
    </message>
    <message>
        <source>Save E&amp;xcel…</source>
        <translation>Зберегти E&amp;xcel…</translation>
    </message>
    <message>
        <source>Save the report as an Excel workbook</source>
        <translation>Зберегти звіт як книгу Excel</translation>
    </message>
    <message>
        <source>Every table on its own sheet, numbers as numbers</source>
        <translation>Кожна таблиця на окремому аркуші, числа — як числа</translation>
    </message>
    <message>
        <source>Progress of the report</source>
        <translation>Хід обчислення звіту</translation>
    </message>
    <message>
        <source>Report status</source>
        <translation>Стан звіту</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>Зупинити</translation>
    </message>
    <message>
        <source>Stop computing the report</source>
        <translation>Зупинити обчислення звіту</translation>
    </message>
    <message>
        <source>Stop computing the report (Esc)</source>
        <translation>Зупинити обчислення звіту (Esc)</translation>
    </message>
    <message>
        <source>Report sections</source>
        <translation>Розділи звіту</translation>
    </message>
    <message>
        <source>People reached by gender</source>
        <translation>Охоплені люди за статтю</translation>
    </message>
    <message>
        <source>Events by level of participation</source>
        <translation>Події за рівнем участі</translation>
    </message>
    <message>
        <source>Ideas and appeals by status</source>
        <translation>Ідеї та звернення за станом</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Огляд</translation>
    </message>
    <message>
        <source>The period ends before it starts. Put the earlier date first.</source>
        <translation>Період закінчується раніше, ніж починається. Спершу вкажіть ранішу дату.</translation>
    </message>
    <message>
        <source>This office: {name}</source>
        <translation>Цей офіс: {name}</translation>
    </message>
    <message>
        <source>All offices on this device ({count})</source>
        <translation>Усі офіси на цьому компʼютері ({count})</translation>
    </message>
    <message>
        <source>Computing the report…</source>
        <translation>Обчислюємо звіт…</translation>
    </message>
    <message>
        <source>The report could not be computed. {reason}</source>
        <translation>Не вдалося обчислити звіт. {reason}</translation>
    </message>
    <message>
        <source>Stopped. Change a choice to compute again.</source>
        <translation>Зупинено. Змініть будь-який вибір, щоб обчислити знову.</translation>
    </message>
    <message>
        <source>{office} · {period} · computed in {seconds} s</source>
        <translation>{office} · {period} · обчислено за {seconds} с</translation>
    </message>
    <message>
        <source>All offices on this device</source>
        <translation>Усі офіси на цьому компʼютері</translation>
    </message>
    <message>
        <source>Prepared on {date}</source>
        <translation>Сформовано {date}</translation>
    </message>
    <message>
        <source>target {target} · {share}</source>
        <translation>ціль {target} · {share}</translation>
    </message>
    <message>
        <source>all offices</source>
        <translation>усі офіси</translation>
    </message>
    <message>
        <source>Report {start}–{end} {office}</source>
        <translation>Звіт {start}–{end} {office}</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>Зберегти звіт у PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Файли PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Save the report for Excel</source>
        <translation>Зберегти звіт для Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Книги Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Saving the PDF…</source>
        <translation>Зберігаємо PDF…</translation>
    </message>
    <message>
        <source>Saving the workbook…</source>
        <translation>Зберігаємо книгу Excel…</translation>
    </message>
    <message>
        <source>Saved: {file} · &lt;a href=&quot;{open}&quot;&gt;Open&lt;/a&gt; · &lt;a href=&quot;{folder}&quot;&gt;Show folder&lt;/a&gt;</source>
        <translation>Збережено: {file} · &lt;a href=&quot;{open}&quot;&gt;Відкрити&lt;/a&gt; · &lt;a href=&quot;{folder}&quot;&gt;Показати папку&lt;/a&gt;</translation>
    </message>
    <message>
        <source>Report saved: {file}</source>
        <translation>Звіт збережено: {file}</translation>
    </message>
    <message>
        <source>The report was not saved. {reason}</source>
        <translation>Звіт не збережено. {reason}</translation>
    </message>
</context>
<context>
    <name>Screens</name>
    <message>
        <source>Events</source>
        <translation>Події</translation>
    </message>
    <message>
        <source>Check-in</source>
        <extracomment>How a header click orders the matches, column by column.</extracomment>
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
        <extracomment>Milliseconds after the last change of a choice before the report is recomputed. Size of a chart in the PDF, in logical pixels (drawn at twice that for sharpness).</extracomment>
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
        <extracomment>Navigation order; Ctrl+1 .. Ctrl+9 follow it. Title and icon of every screen, so the navigation can be drawn without importing the screens (each is built the first time it is shown; start-up builds only one). A test checks these against the classes.
----------
The first load starts after the first paint, or after this long without one.</extracomment>
        <translation>Сьогодні</translation>
    </message>
</context>
<context>
    <name>SettingsScreen</name>
    <message>
        <source>This device</source>
        <extracomment>The &quot;what changed&quot; list was opened (how many entries; tests wait for it).</extracomment>
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
        <source>&amp;Add a staff member…</source>
        <translation>&amp;Додати працівника…</translation>
    </message>
    <message>
        <source>A colleague who also works on this computer</source>
        <translation>Колега, який також працює на цьому комп’ютері</translation>
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
        <source>&amp;What changed…</source>
        <translation>&amp;Що змінилося…</translation>
    </message>
    <message>
        <source>The latest changes of every record this computer holds (on the council&apos;s computer: of every office), with who made them and when.</source>
        <translation>Останні зміни всіх записів на цьому комп’ютері (на комп’ютері ради — усіх офісів): хто і коли їх зробив.</translation>
    </message>
    <message>
        <source>Backups in the data folder (one is made automatically every day):</source>
        <translation>Резервні копії в теці даних (одна створюється автоматично щодня):</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Резервні копії</translation>
    </message>
    <message>
        <source>Restore the &amp;selected copy</source>
        <translation>Відновити &amp;вибрану копію</translation>
    </message>
    <message>
        <source>&amp;Keep automatic copies:</source>
        <translation>&amp;Зберігати автоматичних копій:</translation>
    </message>
    <message>
        <source>How many automatic backups to keep</source>
        <translation>Скільки автоматичних резервних копій зберігати</translation>
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
        <source>About, and &amp;report a problem…</source>
        <translation>Про програму та &amp;повідомлення про проблему…</translation>
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
        <source>automatic</source>
        <translation>автоматична</translation>
    </message>
    <message>
        <source>before a restore</source>
        <translation>перед відновленням</translation>
    </message>
    <message>
        <source>made by hand</source>
        <translation>зроблена вручну</translation>
    </message>
    <message>
        <source>{when} · {kind} · {size} MB</source>
        <translation>{when} · {kind} · {size} МБ</translation>
    </message>
    <message>
        <source>Add a staff member</source>
        <translation>Додати працівника</translation>
    </message>
    <message>
        <source>Full name of the staff member (surname first):</source>
        <translation>Прізвище, ім’я та по батькові працівника:</translation>
    </message>
    <message>
        <source>Choose the office first.</source>
        <translation>Спершу виберіть офіс.</translation>
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
    <message>
        <source>What changed</source>
        <translation>Що змінилося</translation>
    </message>
    <message>
        <source>The latest {n} changes this computer knows of, newest first: made here, or received from the platform (on the council&apos;s computer: from every office). Nothing here can be edited.</source>
        <translation>Останні зміни, відомі цьому комп’ютеру ({n}), від найновішої: зроблені тут або отримані з платформи (на комп’ютері ради — від усіх офісів). Тут нічого не можна редагувати.</translation>
    </message>
    <message>
        <source>Reading the history…</source>
        <translation>Читаємо історію…</translation>
    </message>
</context>
<context>
    <name>SubmissionsPanel</name>
    <message>
        <source>&amp;Add a submission</source>
        <extracomment>The council&apos;s terms for answers and its working calendar (reload_choices).</extracomment>
        <translation>&amp;Додати пропозицію</translation>
    </message>
    <message>
        <source>Add a submission</source>
        <translation>Додати пропозицію</translation>
    </message>
    <message>
        <source>Type in a submission received on paper or in person</source>
        <translation>Внести пропозицію, отриману на папері або особисто</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Отримано</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Від кого</translation>
    </message>
    <message>
        <source>Submission</source>
        <translation>Пропозиція</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Відповідь</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Строк</translation>
    </message>
    <message>
        <source>Submissions</source>
        <translation>Пропозиції</translation>
    </message>
    <message>
        <source>Authority&apos;s response</source>
        <translation>Відповідь органу влади</translation>
    </message>
    <message>
        <source>Response date</source>
        <translation>Дата відповіді</translation>
    </message>
    <message>
        <source>Submission details</source>
        <translation>Відомості про пропозицію</translation>
    </message>
    <message>
        <source>Delete s&amp;ubmission</source>
        <translation>Видалити п&amp;ропозицію</translation>
    </message>
    <message>
        <source>Delete this submission</source>
        <translation>Видалити цю пропозицію</translation>
    </message>
    <message>
        <source>Save su&amp;bmission</source>
        <translation>Зберегти пропози&amp;цію</translation>
    </message>
    <message>
        <source>Save the submission</source>
        <translation>Зберегти пропозицію</translation>
    </message>
    <message>
        <source>Submissions residents made at the office (on paper, in person, by phone) to “{title}”.</source>
        <translation>Пропозиції мешканців, подані в офісі (на папері, особисто, телефоном) до консультації «{title}».</translation>
    </message>
    <message>
        <source>Save the consultation first; then its submissions can be added.</source>
        <translation>Спершу збережіть консультацію, тоді до неї можна буде додавати пропозиції.</translation>
    </message>
    <message>
        <source>New submission</source>
        <translation>Нова пропозиція</translation>
    </message>
    <message>
        <source>Submission of {date}</source>
        <translation>Пропозиція від {date}</translation>
    </message>
    <message>
        <source>Waiting for the authority&apos;s response</source>
        <translation>Очікує відповіді органу влади</translation>
    </message>
    <message>
        <source>this submission</source>
        <translation>цю пропозицію</translation>
    </message>
    <message>
        <source>Submission saved.</source>
        <translation>Пропозицію збережено.</translation>
    </message>
</context>
<context>
    <name>SyncController</name>
    <message>
        <source>A sync is already under way.</source>
        <extracomment>When, after start-up, to start listening for the network coming back. The button or F5 was pressed on a device with no platform: the window offers to connect.</extracomment>
        <translation>Синхронізація вже триває.</translation>
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
        <source>No connection to the platform. Everything is kept on this computer; the next try is at {time}.</source>
        <translation>Немає звʼязку з платформою. Усе збережено на цьому комп’ютері; наступна спроба о {time}.</translation>
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
        <source>offline, next try {time}</source>
        <translation>немає звʼязку, наступна спроба {time}</translation>
    </message>
    <message>
        <source>Demo platform</source>
        <translation>Демо-платформа</translation>
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
        <source>This is a demo platform running on this computer, filled with the demo community. A real office connects to its council&apos;s platform instead.</source>
        <translation>Це демонстраційна платформа на цьому комп’ютері з вигаданою громадою. Справжній офіс підключається до платформи своєї ради.</translation>
    </message>
    <message>
        <source>Last problem: {text}</source>
        <translation>Остання проблема: {text}</translation>
    </message>
</context>
<context>
    <name>SyncErrors</name>
    <message>
        <source>The platform&apos;s address must start with https:// (the code and everything sent later would travel unencrypted). Ask the council for the https:// address.</source>
        <translation>Адреса платформи має починатися з https:// (інакше код і всі подальші дані передаватимуться незашифрованими). Попросіть у міської ради адресу з https://.</translation>
    </message>
    <message>
        <source>Something answers at this address, but it is not a Hromada platform. Check the address the council gave you.</source>
        <translation>За цією адресою щось відповідає, але це не платформа Hromada. Перевірте адресу, яку дала рада.</translation>
    </message>
    <message>
        <source>The code is wrong. Check it letter by letter, or ask the council for a new one.</source>
        <translation>Код неправильний. Перевірте його літера за літерою або попросіть у ради новий.</translation>
    </message>
    <message>
        <source>This code has expired. Ask the council for a new one.</source>
        <translation>Минув строк дії цього коду. Попросіть у ради новий.</translation>
    </message>
    <message>
        <source>This code has already been used. Ask the council for a new one.</source>
        <translation>Цей код уже використано. Попросіть у ради новий.</translation>
    </message>
    <message>
        <source>Too many wrong codes were tried from this place. Wait a minute, check the code, and try again.</source>
        <translation>Звідси спробували забагато неправильних кодів. Зачекайте хвилину, перевірте код і спробуйте знову.</translation>
    </message>
    <message>
        <source>The platform already knows this device. Ask the council to revoke its old access first, then use a new code.</source>
        <translation>Платформа вже знає цей пристрій. Попросіть раду спершу скасувати його старий доступ, а потім використайте новий код.</translation>
    </message>
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
        <source>The platform refuses one change as too large; tell the platform&apos;s administrator.</source>
        <translation>Платформа відхиляє одну зміну як завелику; повідомте адміністратора платформи.</translation>
    </message>
    <message>
        <source>Another computer is sending changes as this device (a copied data folder?). Enroll each computer separately.</source>
        <translation>Інший компʼютер надсилає зміни від імені цього (скопійована тека даних?). Підключіть кожен компʼютер окремо.</translation>
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
    <message>
        <source>The demo platform could not be started on this computer; the details are in demo-platform/platform.log in the data folder.</source>
        <translation>Не вдалося запустити демо-платформу на цьому комп’ютері; подробиці у файлі demo-platform/platform.log у теці даних.</translation>
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
        <source>Why it was not stored</source>
        <translation>Чому не збережено</translation>
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
        <translation>Приховати</translation>
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
        <source>These records came from the platform but could not be stored on this computer, so they were set aside and sync went on. Tell the council&apos;s administrator; a corrected version replaces them by itself.</source>
        <translation>Ці записи надійшли з платформи, але їх не вдалося зберегти на цьому компʼютері, тож їх відкладено, а синхронізація тривала далі. Повідомте адміністратора платформи ради; виправлена версія замінить їх сама.</translation>
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
    <message>
        <source>Not stored ({n})</source>
        <translation>Не збережено ({n})</translation>
    </message>
    <message>
        <source>This computer could not store it ({reason})</source>
        <translation>Цей компʼютер не зміг його зберегти ({reason})</translation>
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
        <source>⚠ overdue by {days} days</source>
        <translation>⚠ прострочено на {days} дн.</translation>
    </message>
    <message>
        <source>⌛ due {date}</source>
        <translation>⌛ строк {date}</translation>
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
        <translation>строк {date}</translation>
    </message>
</context>
<context>
    <name>UndoBar</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Повернути</translation>
    </message>
    <message>
        <source>Undo the delete</source>
        <translation>Скасувати видалення</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Відновлено.</translation>
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
        <extracomment>Columns every record has; managed by the store, passed through untouched. The limits every copy of a record can hold: SQLite&apos;s INTEGER and PostgreSQL&apos;s BIGINT, and a text length far beyond any real note (a whole appeal letter is a few thousand characters).</extracomment>
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
        <source>{label} is longer than {limit} characters</source>
        <translation>«{label}»: довше за {limit} символів</translation>
    </message>
    <message>
        <source>{label} contains invisible control characters; retype it</source>
        <translation>«{label}»: містить невидимі керівні символи; введіть заново</translation>
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
    <message>
        <source>{label}: the person&apos;s consent to keeping their personal data is needed</source>
        <extracomment>The consent text the offices currently read out or hand over (printed on the paper form).</extracomment>
        <translation>«{label}»: потрібна згода людини на зберігання її персональних даних</translation>
    </message>
    <message>
        <source>{label} is too large to be stored ({value})</source>
        <translation>«{label}»: завелике значення, його не можна зберегти ({value})</translation>
    </message>
    <message>
        <source>{label} is not a field of this record</source>
        <translation>«{label}»: такого поля в цьому записі немає</translation>
    </message>
    <message>
        <source>{value} is not a kind of record this app knows</source>
        <translation>«{value}»: такого виду записів програма не знає</translation>
    </message>
    <message>
        <source>{label}: «{value}» is not in the list of settlements</source>
        <translation>«{label}»: «{value}» немає в списку населених пунктів</translation>
    </message>
    <message>
        <source>{label}: «{value}» is not a gender (use ж/ч, жін./чол., жінка/чоловік)</source>
        <translation>«{label}»: «{value}» не є позначенням статі (пишіть ж/ч, жін./чол., жінка/чоловік)</translation>
    </message>
    <message>
        <source>{label}: «{value}» is not a year or a date</source>
        <translation>«{label}»: «{value}» не є роком чи датою</translation>
    </message>
    <message>
        <source>{label}: «{value}» is not yes/no or a date of consent</source>
        <translation>«{label}»: «{value}» не є «так»/«ні» чи датою згоди</translation>
    </message>
    <message>
        <source>{label}: «{value}» is not a role (голова, заступник, член, волонтер, контактна особа)</source>
        <translation>«{label}»: «{value}» не є роллю (голова, заступник, член, волонтер, контактна особа)</translation>
    </message>
    <message>
        <source>{label}: «{value}» needs at least a surname and a first name</source>
        <translation>«{label}»: «{value}» — потрібні принаймні прізвище та імʼя</translation>
    </message>
    <message>
        <source>Give the office a name.</source>
        <extracomment>meta key: the id of an office this device made itself (not yet known to a platform).</extracomment>
        <translation>Дайте офісу назву.</translation>
    </message>
    <message>
        <source>Choose what kind of office it is.</source>
        <translation>Виберіть вид офісу.</translation>
    </message>
    <message>
        <source>Write your name.</source>
        <translation>Напишіть своє ім’я.</translation>
    </message>
    <message>
        <source>Write the person&apos;s name.</source>
        <translation>Напишіть ім’я працівника.</translation>
    </message>
</context>
<context>
    <name>VisitsPanel</name>
    <message>
        <source>Participation tool</source>
        <extracomment>The shared date-and-time field of `desktop.ui.forms` where it exists (the same boxes as the events form), else the local one above.</extracomment>
        <translation>Інструмент участі</translation>
    </message>
    <message>
        <source>All tools</source>
        <translation>Усі інструменти</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>Офіс</translation>
    </message>
    <message>
        <source>This office</source>
        <translation>Цей офіс</translation>
    </message>
    <message>
        <source>All offices</source>
        <translation>Усі офіси</translation>
    </message>
    <message>
        <source>Only follow-ups &amp;due</source>
        <translation>Лише &amp;повторні контакти найближчим часом</translation>
    </message>
    <message>
        <source>Only visits whose follow-up is due</source>
        <translation>Лише візити, для яких настає час повторного контакту</translation>
    </message>
    <message>
        <source>Visits whose follow-up date is within a week or passed less than a month ago, as on the Today screen.</source>
        <translation>Візити, дата повторного контакту яких — протягом тижня або минула менш ніж місяць тому, як на екрані «Сьогодні».</translation>
    </message>
    <message>
        <source>&amp;New visit</source>
        <translation>Новий &amp;візит</translation>
    </message>
    <message>
        <source>New visit</source>
        <translation>Новий візит</translation>
    </message>
    <message>
        <source>Record a new visit (Ctrl+N)</source>
        <translation>Записати новий візит (Ctrl+N)</translation>
    </message>
    <message>
        <source>Visited</source>
        <translation>Час візиту</translation>
    </message>
    <message>
        <source>Visitor</source>
        <translation>Відвідувач</translation>
    </message>
    <message>
        <source>Topic</source>
        <translation>Тема</translation>
    </message>
    <message>
        <source>Tool</source>
        <translation>Інструмент</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>Повторно</translation>
    </message>
    <message>
        <source>Advice visits</source>
        <translation>Візити до офісу</translation>
    </message>
    <message>
        <source>Number of visits shown</source>
        <translation>Кількість показаних візитів</translation>
    </message>
    <message>
        <source>What the person came about</source>
        <translation>З яким питанням звернулася людина</translation>
    </message>
    <message>
        <source>Visit details</source>
        <translation>Відомості про візит</translation>
    </message>
    <message>
        <source>Delete this visit</source>
        <translation>Видалити цей візит</translation>
    </message>
    <message>
        <source>Save the visit</source>
        <translation>Зберегти візит</translation>
    </message>
    <message>
        <source>Visit on {when}</source>
        <translation>Візит {when}</translation>
    </message>
    <message>
        <source>the visit “{topic}”</source>
        <translation>візит «{topic}»</translation>
    </message>
    <message>
        <source>this visit</source>
        <translation>цей візит</translation>
    </message>
    <message>
        <source>Visit saved.</source>
        <translation>Візит збережено.</translation>
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
        <source>Calendar days</source>
        <translation>Календарних днів</translation>
    </message>
    <message>
        <source>Working days</source>
        <translation>Робочих днів</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>Місяців</translation>
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
    <name>WelcomePage</name>
    <message>
        <source>Welcome to {app}</source>
        <extracomment>The size of the demo a first run makes: enough to see every screen full, ready in seconds.</extracomment>
        <translation>Ласкаво просимо до {app}</translation>
    </message>
    <message>
        <source>Three questions and the office is ready. Nothing here needs the Internet except connecting to the council.</source>
        <translation>Три питання, і офіс готовий до роботи. Інтернет потрібен лише для підключення до ради.</translation>
    </message>
    <message>
        <source>How will this office start?</source>
        <translation>Як почне роботу цей офіс?</translation>
    </message>
    <message>
        <source>&amp;Connect to my council&apos;s platform</source>
        <translation>&amp;Підключитися до платформи моєї ради</translation>
    </message>
    <message>
        <source>The council gave you an address and a one-time code.</source>
        <translation>Рада дала вам адресу та одноразовий код.</translation>
    </message>
    <message>
        <source>&amp;Work on my own for now</source>
        <translation>&amp;Поки що працювати самостійно</translation>
    </message>
    <message>
        <source>Name your office and start registering people today. You can connect to the council later; nothing will need to be typed again.</source>
        <translation>Назвіть свій офіс і почніть реєструвати людей уже сьогодні. Підключитися до ради можна пізніше, і нічого не доведеться вводити вдруге.</translation>
    </message>
    <message>
        <source>&amp;Try it with demo data</source>
        <translation>&amp;Спробувати на демонстраційних даних</translation>
    </message>
    <message>
        <source>A made-up community to look around in. Use a separate data folder for real work.</source>
        <translation>Вигадана громада, щоб роздивитися програму. Для справжньої роботи використовуйте окрему теку даних.</translation>
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
