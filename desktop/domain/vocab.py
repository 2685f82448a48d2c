"""Every fixed list of choices in the data model, with English and Ukrainian labels.

Records store stable English codes (sync, reports and exports must not depend on the UI
language). English labels are marked for Qt translation; the Ukrainian labels are also kept
here so the CLI, demo data and PDF reports can speak Ukrainian without Qt. Where two lists
share an English label they share its Ukrainian one too (a test enforces it), because Qt keeps
a single translation per text in the "Vocab" context.
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import NamedTuple

from desktop.domain.i18n import QT_TRANSLATE_NOOP
from desktop.domain.names import fold


class Vocab(NamedTuple):
    """One vocabulary: ordered code -> English label, and code -> Ukrainian label.

    (A NamedTuple: a dataclass is compiled when the module loads, on every start.)"""

    name: str
    en: Mapping[str, str]
    uk: Mapping[str, str]

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(self.en)

    def label(self, code: str | None, lang: str = "uk") -> str:
        """The label of `code`; an unknown code is shown as is (it may come from a newer
        version of the app through sync, and must still be displayable)."""
        if not code:
            return ""
        labels = self.uk if lang.lower().startswith("uk") else self.en
        return labels.get(code, code)

    def code_for(self, text: str | None) -> str | None:
        """The code meant by `text`: a code or either label, in any case or apostrophe
        variant (importers get "Жінка" or "FEMALE" as often as "female"); None if none."""
        if text is None:
            return None
        if text in self.en:
            return text
        wanted = fold(text.replace("_", " "))
        for code in self.en:
            if wanted in (fold(code.replace("_", " ")), fold(self.en[code]), fold(self.uk[code])):
                return code
        return None


VOCABULARIES: dict[str, Vocab] = {}


def _define(name: str, rows: list[tuple[str, str, str]]) -> Vocab:
    vocab = Vocab(
        name,
        MappingProxyType({code: en for code, en, _ in rows}),
        MappingProxyType({code: uk for code, _, uk in rows}),
    )
    VOCABULARIES[name] = vocab
    return vocab


GENDERS = _define("genders", [
    ("female", QT_TRANSLATE_NOOP("Vocab", "Female"), "Жінка"),
    ("male", QT_TRANSLATE_NOOP("Vocab", "Male"), "Чоловік"),
    ("other", QT_TRANSLATE_NOOP("Vocab", "Other"), "Інше"),
    ("not_stated", QT_TRANSLATE_NOOP("Vocab", "Not stated"), "Не зазначено"),
])

AGE_GROUPS = _define("age_groups", [
    ("under_18", QT_TRANSLATE_NOOP("Vocab", "Under 18"), "До 18 років"),
    ("18_35", QT_TRANSLATE_NOOP("Vocab", "18–35"), "18–35 років"),
    ("36_59", QT_TRANSLATE_NOOP("Vocab", "36–59"), "36–59 років"),
    ("60_plus", QT_TRANSLATE_NOOP("Vocab", "60 and over"), "60 років і старше"),
])

CONSENT_METHODS = _define("consent_methods", [
    ("paper", QT_TRANSLATE_NOOP("Vocab", "On paper"), "На папері"),
    ("verbal", QT_TRANSLATE_NOOP("Vocab", "Verbal"), "Усно"),
    ("electronic", QT_TRANSLATE_NOOP("Vocab", "Electronic"), "Електронно"),
])

LEGAL_FORMS = _define("legal_forms", [
    ("public_organization", QT_TRANSLATE_NOOP("Vocab", "Public organisation"),
     "Громадська організація"),
    ("charitable_organization", QT_TRANSLATE_NOOP("Vocab", "Charitable organisation"),
     "Благодійна організація"),
    ("public_union", QT_TRANSLATE_NOOP("Vocab", "Public union"), "Громадська спілка"),
    ("self_organization", QT_TRANSLATE_NOOP("Vocab", "Residents' self-organisation body"),
     "Орган самоорганізації населення"),
    ("religious_organization", QT_TRANSLATE_NOOP("Vocab", "Religious organisation"),
     "Релігійна організація"),
    ("trade_union", QT_TRANSLATE_NOOP("Vocab", "Trade union"), "Професійна спілка"),
    ("initiative_group", QT_TRANSLATE_NOOP("Vocab", "Initiative group"), "Ініціативна група"),
    ("other", QT_TRANSLATE_NOOP("Vocab", "Other"), "Інше"),
])

CSO_AREAS = _define("cso_areas", [
    ("youth", QT_TRANSLATE_NOOP("Vocab", "Youth"), "Молодь"),
    ("children", QT_TRANSLATE_NOOP("Vocab", "Children"), "Діти"),
    ("veterans", QT_TRANSLATE_NOOP("Vocab", "Veterans"), "Ветерани"),
    ("education", QT_TRANSLATE_NOOP("Vocab", "Education"), "Освіта"),
    ("ecology", QT_TRANSLATE_NOOP("Vocab", "Ecology"), "Екологія"),
    ("culture", QT_TRANSLATE_NOOP("Vocab", "Culture"), "Культура"),
    ("social_services", QT_TRANSLATE_NOOP("Vocab", "Social services"), "Соціальні послуги"),
    ("human_rights", QT_TRANSLATE_NOOP("Vocab", "Human rights"), "Права людини"),
    ("local_development", QT_TRANSLATE_NOOP("Vocab", "Local development"), "Місцевий розвиток"),
    ("health", QT_TRANSLATE_NOOP("Vocab", "Health"), "Охорона здоровʼя"),
    ("sport", QT_TRANSLATE_NOOP("Vocab", "Sport"), "Спорт"),
    ("idp_support", QT_TRANSLATE_NOOP("Vocab", "Support for displaced people"),
     "Підтримка ВПО"),
    ("women", QT_TRANSLATE_NOOP("Vocab", "Women and gender equality"),
     "Жінки та гендерна рівність"),
    ("elderly", QT_TRANSLATE_NOOP("Vocab", "Older people"), "Люди старшого віку"),
    ("disability", QT_TRANSLATE_NOOP("Vocab", "People with disabilities"),
     "Люди з інвалідністю"),
    ("other", QT_TRANSLATE_NOOP("Vocab", "Other"), "Інше"),
])

ORG_MEMBER_ROLES = _define("org_member_roles", [
    ("head", QT_TRANSLATE_NOOP("Vocab", "Head"), "Голова"),
    ("deputy", QT_TRANSLATE_NOOP("Vocab", "Deputy head"), "Заступник(-ця) голови"),
    ("member", QT_TRANSLATE_NOOP("Vocab", "Member"), "Член(-киня)"),
    ("volunteer", QT_TRANSLATE_NOOP("Vocab", "Volunteer"), "Волонтер(-ка)"),
    ("contact", QT_TRANSLATE_NOOP("Vocab", "Contact person"), "Контактна особа"),
])

EVENT_STATUSES = _define("event_statuses", [
    ("planned", QT_TRANSLATE_NOOP("Vocab", "Planned"), "Заплановано"),
    ("held", QT_TRANSLATE_NOOP("Vocab", "Held"), "Проведено"),
    ("cancelled", QT_TRANSLATE_NOOP("Vocab", "Cancelled"), "Скасовано"),
])

PARTICIPATION_LEVELS = _define("participation_levels", [
    ("information", QT_TRANSLATE_NOOP("Vocab", "Information"), "Інформування"),
    ("consultation", QT_TRANSLATE_NOOP("Vocab", "Consultation"), "Консультування"),
    ("dialogue", QT_TRANSLATE_NOOP("Vocab", "Dialogue"), "Діалог"),
    ("partnership", QT_TRANSLATE_NOOP("Vocab", "Partnership"), "Партнерство"),
])

ATTENDANCE_STATUSES = _define("attendance_statuses", [
    ("registered", QT_TRANSLATE_NOOP("Vocab", "Registered"), "Зареєстровано"),
    ("attended", QT_TRANSLATE_NOOP("Vocab", "Attended"), "Був(-ла) присутній(-я)"),
    ("no_show", QT_TRANSLATE_NOOP("Vocab", "Did not come"), "Не прийшов(-ла)"),
    ("cancelled", QT_TRANSLATE_NOOP("Vocab", "Cancelled"), "Скасовано"),
])

ATTENDANCE_ROLES = _define("attendance_roles", [
    ("participant", QT_TRANSLATE_NOOP("Vocab", "Participant"), "Учасник(-ця)"),
    ("speaker", QT_TRANSLATE_NOOP("Vocab", "Speaker"), "Спікер(-ка)"),
    ("organiser", QT_TRANSLATE_NOOP("Vocab", "Organiser"), "Організатор(-ка)"),
    ("facilitator", QT_TRANSLATE_NOOP("Vocab", "Facilitator"), "Модератор(-ка)"),
    ("volunteer", QT_TRANSLATE_NOOP("Vocab", "Volunteer"), "Волонтер(-ка)"),
])

CONSULTATION_METHODS = _define("consultation_methods", [
    ("public_hearing", QT_TRANSLATE_NOOP("Vocab", "Public hearing"), "Громадські слухання"),
    ("discussion", QT_TRANSLATE_NOOP("Vocab", "Public discussion"), "Громадське обговорення"),
    ("survey", QT_TRANSLATE_NOOP("Vocab", "Survey"), "Опитування"),
    ("round_table", QT_TRANSLATE_NOOP("Vocab", "Round table"), "Круглий стіл"),
    ("written", QT_TRANSLATE_NOOP("Vocab", "Written comments"), "Письмові пропозиції"),
    ("online", QT_TRANSLATE_NOOP("Vocab", "Online"), "Онлайн"),
    ("other", QT_TRANSLATE_NOOP("Vocab", "Other"), "Інше"),
])

CONSULTATION_STATUSES = _define("consultation_statuses", [
    ("planned", QT_TRANSLATE_NOOP("Vocab", "Planned"), "Заплановано"),
    ("open", QT_TRANSLATE_NOOP("Vocab", "Open"), "Триває"),
    ("closed", QT_TRANSLATE_NOOP("Vocab", "Closed"), "Завершено"),
    ("results_published", QT_TRANSLATE_NOOP("Vocab", "Results published"),
     "Результати оприлюднено"),
])

RECEIVED_VIA = _define("received_via", [
    ("paper", QT_TRANSLATE_NOOP("Vocab", "On paper"), "На папері"),
    ("in_person", QT_TRANSLATE_NOOP("Vocab", "In person"), "Особисто"),
    ("email", QT_TRANSLATE_NOOP("Vocab", "Email"), "Електронна пошта"),
    ("phone", QT_TRANSLATE_NOOP("Vocab", "Phone"), "Телефон"),
    ("online", QT_TRANSLATE_NOOP("Vocab", "Online"), "Онлайн"),
])

VISIT_TOOLS = _define("visit_tools", [
    ("public_budget", QT_TRANSLATE_NOOP("Vocab", "Public budget"), "Громадський бюджет"),
    ("petition", QT_TRANSLATE_NOOP("Vocab", "Petition"), "Петиція"),
    ("appeal", QT_TRANSLATE_NOOP("Vocab", "Appeal"), "Звернення"),
    ("hearing", QT_TRANSLATE_NOOP("Vocab", "Public hearing"), "Громадські слухання"),
    ("cso_registration", QT_TRANSLATE_NOOP("Vocab", "CSO registration"), "Реєстрація ГО"),
    ("grant", QT_TRANSLATE_NOOP("Vocab", "Grant"), "Грант"),
    ("other", QT_TRANSLATE_NOOP("Vocab", "Other"), "Інше"),
])

IDEA_CHANNELS = _define("idea_channels", [
    ("public_budget", QT_TRANSLATE_NOOP("Vocab", "Public budget"), "Громадський бюджет"),
    ("petition", QT_TRANSLATE_NOOP("Vocab", "Petition"), "Петиція"),
    ("appeal", QT_TRANSLATE_NOOP("Vocab", "Appeal"), "Звернення"),
    ("proposal", QT_TRANSLATE_NOOP("Vocab", "Proposal"), "Пропозиція"),
    ("grant_application", QT_TRANSLATE_NOOP("Vocab", "Grant application"), "Грантова заявка"),
])

ANSWER_UNITS = _define("answer_units", [
    ("days", QT_TRANSLATE_NOOP("Vocab", "Calendar days"), "Календарних днів"),
    ("working_days", QT_TRANSLATE_NOOP("Vocab", "Working days"), "Робочих днів"),
    ("months", QT_TRANSLATE_NOOP("Vocab", "Months"), "Місяців"),
])

IDEA_STATUSES = _define("idea_statuses", [
    ("new", QT_TRANSLATE_NOOP("Vocab", "New"), "Нове"),
    ("forwarded", QT_TRANSLATE_NOOP("Vocab", "Forwarded"), "Передано"),
    ("under_review", QT_TRANSLATE_NOOP("Vocab", "Under review"), "На розгляді"),
    ("answered", QT_TRANSLATE_NOOP("Vocab", "Answered"), "Надано відповідь"),
    ("accepted", QT_TRANSLATE_NOOP("Vocab", "Accepted"), "Підтримано"),
    ("rejected", QT_TRANSLATE_NOOP("Vocab", "Rejected"), "Відхилено"),
    ("implemented", QT_TRANSLATE_NOOP("Vocab", "Implemented"), "Реалізовано"),
])

SETTLEMENT_KINDS = _define("settlement_kinds", [
    ("city", QT_TRANSLATE_NOOP("Vocab", "City"), "Місто"),
    ("town", QT_TRANSLATE_NOOP("Vocab", "Urban-type settlement"), "Селище міського типу"),
    ("village", QT_TRANSLATE_NOOP("Vocab", "Village"), "Село"),
    ("settlement", QT_TRANSLATE_NOOP("Vocab", "Rural settlement"), "Селище"),
])

OFFICE_KINDS = _define("office_kinds", [
    ("liaison_office", QT_TRANSLATE_NOOP("Vocab", "Liaison office"), "Офіс звʼязку"),
    ("cso_hub", QT_TRANSLATE_NOOP("Vocab", "CSO hub"), "Хаб громадянського суспільства"),
])

STAFF_ROLES = _define("staff_roles", [
    ("administrator", QT_TRANSLATE_NOOP("Vocab", "Administrator"), "Адміністратор(-ка)"),
    ("operator", QT_TRANSLATE_NOOP("Vocab", "Operator"), "Оператор(-ка)"),
    ("council_officer", QT_TRANSLATE_NOOP("Vocab", "Council officer"), "Працівник(-ця) ради"),
])

# Seeds for the two editable lookup tables. Offices may add their own rows, so these are
# also registered as vocabularies only to label the built-in codes.
EVENT_KIND_SEEDS: list[dict] = [
    {"code": code, "name_en": en, "name_uk": uk, "sort_order": (i + 1) * 10}
    for i, (code, en, uk) in enumerate([
        ("public_hearing", QT_TRANSLATE_NOOP("Vocab", "Public hearing"), "Громадські слухання"),
        ("discussion", QT_TRANSLATE_NOOP("Vocab", "Discussion"), "Обговорення"),
        ("training", QT_TRANSLATE_NOOP("Vocab", "Training"), "Тренінг"),
        ("forum", QT_TRANSLATE_NOOP("Vocab", "Forum"), "Форум"),
        ("meeting", QT_TRANSLATE_NOOP("Vocab", "Meeting"), "Зустріч"),
        ("consultation_session", QT_TRANSLATE_NOOP("Vocab", "Consultation session"),
         "Консультаційна сесія"),
        ("other", QT_TRANSLATE_NOOP("Vocab", "Other"), "Інше"),
    ])
]

IDEA_CATEGORY_SEEDS: list[dict] = [
    {"code": code, "name_en": en, "name_uk": uk, "sort_order": (i + 1) * 10}
    for i, (code, en, uk) in enumerate([
        ("roads", QT_TRANSLATE_NOOP("Vocab", "Roads"), "Дороги"),
        ("lighting", QT_TRANSLATE_NOOP("Vocab", "Street lighting"), "Вуличне освітлення"),
        ("landscaping", QT_TRANSLATE_NOOP("Vocab", "Landscaping"), "Благоустрій"),
        ("education", QT_TRANSLATE_NOOP("Vocab", "Education"), "Освіта"),
        ("culture", QT_TRANSLATE_NOOP("Vocab", "Culture"), "Культура"),
        ("sport", QT_TRANSLATE_NOOP("Vocab", "Sport"), "Спорт"),
        ("health", QT_TRANSLATE_NOOP("Vocab", "Health"), "Охорона здоровʼя"),
        ("social", QT_TRANSLATE_NOOP("Vocab", "Social support"), "Соціальний захист"),
        ("ecology", QT_TRANSLATE_NOOP("Vocab", "Ecology"), "Екологія"),
        ("transport", QT_TRANSLATE_NOOP("Vocab", "Transport"), "Транспорт"),
        ("safety", QT_TRANSLATE_NOOP("Vocab", "Safety"), "Безпека"),
        ("other", QT_TRANSLATE_NOOP("Vocab", "Other"), "Інше"),
    ])
]

EVENT_KINDS = _define(
    "event_kinds", [(s["code"], s["name_en"], s["name_uk"]) for s in EVENT_KIND_SEEDS])
IDEA_CATEGORIES = _define(
    "idea_categories", [(s["code"], s["name_en"], s["name_uk"]) for s in IDEA_CATEGORY_SEEDS])


def codes(vocab_name: str) -> tuple[str, ...]:
    """The codes of a vocabulary, in display order."""
    return VOCABULARIES[vocab_name].codes


def label(vocab_name: str, code: str | None, lang: str = "uk") -> str:
    """Label of `code` in `vocab_name` for `lang` ("uk" or "en"); unknown codes as is."""
    return VOCABULARIES[vocab_name].label(code, lang)


def code_for(vocab_name: str, text: str | None) -> str | None:
    """The code meant by a code or label typed or imported in either language, or None."""
    return VOCABULARIES[vocab_name].code_for(text)
