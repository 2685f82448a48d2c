"""The console's words: Ukrainian first, English on request (`?lang=en`, kept in a cookie).

Why a table rather than gettext catalogues: the console has a few dozen phrases, edited
together with its templates; the texts are the English phrases themselves, so a phrase with
no Ukrainian yet still reads (and `tests/server/test_console.py` fails until it has one).
"""

from __future__ import annotations

LANGUAGES = ("uk", "en")

UK: dict[str, str] = {
    "Hromada platform": "Платформа «Громада»",
    "Council console": "Консоль ради",
    "Log in": "Увійти",
    "Log out": "Вийти",
    "Login": "Логін",
    "Password": "Пароль",
    "Wrong login or password.": "Неправильний логін або пароль.",
    "Too many failed attempts. Wait 15 minutes and try again.":
        "Забагато невдалих спроб. Зачекайте 15 хвилин і спробуйте знову.",
    "The form has expired. Open the page again and repeat.":
        "Форма застаріла. Відкрийте сторінку знову й повторіть дію.",
    "Your session has ended. Log in again.": "Сеанс завершився. Увійдіть знову.",
    "Only an administrator may do this.": "Це може зробити лише адміністратор.",
    "Not found.": "Не знайдено.",
    "Back": "Назад",
    "Offices and devices": "Офіси та пристрої",
    "Inbox": "Вхідні",
    "Office": "Офіс",
    "Device": "Пристрій",
    "Role": "Роль",
    "Enrolled": "Підключено",
    "Last sync": "Остання синхронізація",
    "never": "ніколи",
    "revoked": "відкликано",
    "Revoke": "Відкликати",
    "office device": "пристрій офісу",
    "council device": "пристрій ради",
    "Waiting for an answer": "Очікують відповіді",
    "Overdue": "Прострочено",
    "Issue an enrollment code": "Видати код підключення",
    "For the office": "Для офісу",
    "For a council officer's computer": "Для компʼютера працівника ради",
    "Valid for (hours)": "Дійсний (годин)",
    "Issue the code": "Видати код",
    "Enrollment code": "Код підключення",
    "Type this code on the laptop, in the first-run window or in Settings. It is shown only "
    "once and works once.":
        "Введіть цей код на ноутбуці у вікні першого запуску або в Налаштуваннях. Його "
        "показано лише один раз, і він спрацює один раз.",
    "Valid until": "Дійсний до",
    "The device's access was revoked.": "Доступ пристрою відкликано.",
    "The number of hours must be from 1 to 720.": "Кількість годин має бути від 1 до 720.",
    "Choose an office.": "Оберіть офіс.",
    "Ideas, appeals and petitions": "Ідеї, звернення та петиції",
    "Status": "Статус",
    "Channel": "Канал",
    "Received": "Отримано",
    "Due": "Строк",
    "Title": "Назва",
    "All": "Усі",
    "Answered": "З відповіддю",
    "Due soon": "Строк спливає",
    "Filter": "Показати",
    "Nothing here.": "Тут нічого немає.",
    "Description": "Опис",
    "Council's answer": "Відповідь ради",
    "Answered on": "Дата відповіді",
    "Save the answer": "Зберегти відповідь",
    "The answer is saved; it reaches the office with its next sync.":
        "Відповідь збережено; офіс отримає її під час наступної синхронізації.",
    "The platform refused the answer:": "Платформа не прийняла відповідь:",
    "Write the answer.": "Напишіть відповідь.",
    "The date must look like 2026-12-31.": "Дата має бути у вигляді 2026-12-31.",
    "days overdue": "дн. прострочено",
    "no term": "без строку",
    "Report": "Звіт",
    "All offices": "Усі офіси",
    "Prepared on": "Підготовлено",
    "Period": "Період",
    "This month": "Цей місяць",
    "Last month": "Минулий місяць",
    "This quarter": "Цей квартал",
    "This year": "Цей рік",
    "Show": "Показати",
    "Download XLSX": "Завантажити XLSX",
    "Staff": "Працівники",
    "Name": "Імʼя",
    "Add an account": "Додати обліковий запис",
    "Close the account": "Закрити обліковий запис",
    "administrator": "адміністратор",
    "officer": "працівник ради",
    "You cannot close your own account.": "Не можна закрити власний обліковий запис.",
    "New office": "Новий офіс",
    "Kind of office": "Вид офісу",
    "Liaison office": "Офіс звʼязку",
    "CSO hub": "Хаб громадянського суспільства",
    "Add the office": "Додати офіс",
    "Write the office's name.": "Напишіть назву офісу.",
    "There is already an office with this name.": "Офіс із такою назвою вже є.",
    "The login may use letters, digits, dots, hyphens and underscores.":
        "Логін може містити літери, цифри, крапки, дефіси та підкреслення.",
    "The role must be one of: {roles}.": "Роль має бути однією з: {roles}.",
    "The password must have at least {count} characters.":
        "Пароль має містити щонайменше {count} символів.",
    "There is already an account «{login}».": "Обліковий запис «{login}» уже є.",
    "The person's name is empty.": "Не вказано імʼя людини.",
    "What": "Що",
    "Everything": "Усе",
    "Ideas and appeals": "Ідеї та звернення",
    "Consultation submissions": "Пропозиції до консультацій",
    "Consultation submission": "Пропозиція до консультації",
    "Targets": "Цілі",
    "Targets for": "Цілі на",
    "Year": "Рік",
    "Events held": "Проведено подій",
    "CSOs created": "Створено ГО",
    "People reached": "Охоплено людей",
    "Save the targets": "Зберегти цілі",
    "The targets are saved; each office receives its own with its next sync.":
        "Цілі збережено; кожен офіс отримає свої під час наступної синхронізації.",
    "Choose a year.": "Оберіть рік.",
    "A target is a whole number, or empty for none:":
        "Ціль — ціле число або порожньо, якщо її немає:",
    "Empty: no target. The liaison-office programme expects at least":
        "Порожньо — цілі немає. Програма офісів звʼязку очікує щонайменше",
    "events and": "подій і",
    "CSOs created a year.": "створених ГО на рік.",
    "Terms": "Строки",
    "Terms for an answer": "Строки відповіді",
    "Kind": "Вид",
    "Term": "Строк",
    "Counted in": "Як рахувати",
    "Longest when extended (days)": "Найдовше з продовженням (днів)",
    "Calendar days": "Календарних днів",
    "Working days": "Робочих днів",
    "Months": "Місяців",
    "Empty: no term for this kind.": "Порожньо — для цього виду строку немає.",
    "Save the terms": "Зберегти строки",
    "Saved; offices receive it with their next sync.":
        "Збережено; офіси отримають це під час наступної синхронізації.",
    "A term is a whole number from 1 to 366:": "Строк — ціле число від 1 до 366:",
    "Days off": "Вихідні дні",
    "Under martial law public holidays are working days; list here the days the council "
    "declares off, and weekend days that are worked.":
        "Під час воєнного стану святкові дні робочі; внесіть сюди дні, які рада оголошує "
        "вихідними, і вихідні дні, що стають робочими.",
    "Day": "День",
    "What day": "Що за день",
    "A weekend day that is worked": "Вихідний, що стає робочим",
    "Add the day": "Додати день",
    "Remove": "Вилучити",
    "day off": "вихідний",
    "worked": "робочий",
    "Download PDF": "Завантажити PDF",
    "The PDF could not be made; the XLSX has the same tables.":
        "PDF не вдалося створити; у XLSX ті самі таблиці.",
    "Conflicts to review": "Конфлікти до розгляду",
    "People reached by gender": "Охоплені люди за статтю",
    "Events by level of participation": "Події за рівнем участі",
    "Ideas and appeals by status": "Ідеї та звернення за станом",
    "Not given": "Не вказано",
    "English": "English",
    "Українська": "Українська",
}

TEXTS = {"uk": UK}


def translate(language: str, text: str) -> str:
    return TEXTS.get(language, {}).get(text, text)
