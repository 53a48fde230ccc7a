"""The English words the contradiction finder knows: small lists, each for one rule."""

from __future__ import annotations


def words(text: str) -> frozenset[str]:
    """The words of ``text``, as a set: the lists below are written as prose."""
    return frozenset(text.split())


def pairs(text: str) -> dict[str, str]:
    """Each word paired with the word after it: "ran run held hold" -> {"ran": "run", …}."""
    items = text.split()
    return dict(zip(items[::2], items[1::2], strict=True))


def ordered(text: str) -> tuple[str, ...]:
    """The words of ``text``, in order."""
    return tuple(text.split())


NUMBER_WORDS = words(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy "
    "eighty ninety hundred thousand million billion trillion"
)
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
GLUED_SCALES = {"k": 1_000, "m": 1_000_000, "bn": 1_000_000_000}
CURRENCIES = {"$": "dollar", "£": "pound", "€": "euro", "¥": "yen"}
PERCENT_WORDS = frozenset({"%", "percent", "per", "percentage"})

STOP = words(
    """a an the of to in on at by for from with as and or but nor so than then that this these
    those there their its it his her our your my is are was were be been being has have had do
    does did will would shall should can could may might must not no nor also only just still
    yet more most less least many much few several some any all each every other another such
    same both either neither whom who which what when where while whereas how why into onto
    over under about around after before since until during through across against among between
    within up down out off per via than them they he she we you i me us him if because though
    although including according said says say told reported claimed confirmed added noted announced
    stated insisted suggested argued citing cited estimated believed thought now then again
    already ever never once twice very well almost nearly roughly approximately some"""
)
"""Function words and reporting verbs: never a counted noun, never the event."""

IRREGULAR_VERBS = words(
    """fled lost left met made took went came saw got ran fell rose won held paid built sold
    bought cut shut hit kept spent sent gave found brought stood began became died died grew
    drew threw wrote led fought caught taught struck spread bore broke chose flew froze hid
    rode shook sank stole swore tore woke wore dealt meant felt heard knew lay laid lit put set
    taken given done gone seen known shown written driven risen fallen begun chosen spoken
    stolen broken frozen hidden ridden shaken sworn torn worn woken born borne beaten eaten
    remain remained face faces say says get gets go goes come comes stay stays suggests
    shows means appears seems indicates includes marks makes takes"""
)
"""Verbs that end in neither -ed nor -ing, so that a noun phrase stops before them."""

BASE_FORMS = pairs(
    """ran run held hold paid pay kept keep spent spend sent send gave give met meet made make
    went go came come saw see got get fell fall rose rise won win built build sold sell
    bought buy struck strike led lead fought fight caught catch drew draw wrote write flew fly
    broke break chose choose lost lose fled flee left leave took take found find brought bring
    stood stand began begin grew grow meant mean felt feel heard hear knew know shown show
    given give taken take begun begin flown fly drawn draw risen rise fallen fall grown grow
    seen see done do gone go written write broken break stolen steal stole steal"""
)
"""The base form of an irregular verb's past: "ran" names what "run" names."""

NOT_VERBS = words(
    """morning mornings evening evenings building buildings meeting meetings funding housing
    training spending parking ceiling warning warnings hearing hearings ruling wedding
    clothing setting offering ending following remaining existing outstanding leading
    neighbouring neighboring surrounding ongoing during upcoming nothing something anything
    everything hundred speed seed bed need shed red planning back backs spot spots"""
)
"""Words in -ing or -ed that are nouns, adjectives or prepositions here, not events; and
"back" and "spot", whose "backed" and "spotted" name events (EVENT_CLASSES)."""

CATENATIVES = words(
    """managed manage manages tried try tries wanted want wants continued continue continues
    failed fail fails needed need needs agreed agree agrees decided decide decides refused
    refuse refuses helped help helps able unable went going used"""
)
"""Verbs that hand the event to the verb after "to": "managed to run 31 buses" runs them."""

IRREGULAR_PLURALS = {
    "people": "person",
    "men": "man",
    "women": "woman",
    "children": "child",
    "feet": "foot",
    "teeth": "tooth",
    "mice": "mouse",
    "geese": "goose",
    "lives": "life",
    "wives": "wife",
    "knives": "knife",
    "thieves": "thief",
    "servicemen": "serviceman",
    "firemen": "fireman",
    "policemen": "policeman",
}
UNCHANGED = words(
    """staff police remains series species news aircraft sheep fish deer yen personnel
    crew cattle livestock data headquarters means"""
)

PEOPLE = words(
    """person passenger resident worker miner patient child adult soldier civilian student
    pupil employee staff firefighter officer member voter migrant refugee survivor victim
    tourist visitor spectator protester prisoner driver doctor nurse teacher man woman
    inhabitant citizen customer guest crew journalist pilot rescuer villager fan runner rider
    cyclist athlete player competitor participant volunteer searcher hiker climber swimmer
    pedestrian motorist commuter shopper tenant homeowner pensioner parent farmer musician
    performer artist shareholder investor donor inmate hostage sailor fisherman worshipper
    pilgrim delegate candidate applicant trainee apprentice guard cadet recruit entrant"""
)
"""What "no one" and "nobody" count: people of any kind."""

SAME_NOUNS = (
    "member councillor",
    "staff employee worker",
    "home house",
    "fan supporter spectator",
    "strike walkout action",
    "crowd attendance gate",
    "kilometre kilometer",
    "object piece item artefact artifact",
    "metre meter",
)
"""Nouns that count the same ones in a news report: the first word of each line names them."""

LENGTHS = words("mile kilometre kilometer metre meter yard foot feet")
"""Units a distance is given in: "about four miles from the trailhead"."""

MEASURES = LENGTHS | words(
    """tonne ton kilogram kilo gram acre hectare gallon litre liter barrel inch centimetre
    centimeter millimetre millimeter megawatt kilowatt watt horsepower"""
)
"""Units one thing is measured in ("a 19-tonne boat", "a 2,300-acre fire"), in the singular."""

READINGS = frozenset({"celsius", "fahrenheit", "magnitude"})
"""What is read off at a place and a time rather than counted: one reading of a place at a
time is one, whatever verb reports it."""

KINDS_OF = {
    "vehicle": words("car lorry truck van bus coach motorbike motorcycle bicycle tractor"),
    "aircraft": words("plane jet helicopter airliner"),
    "vessel": words("ship boat ferry yacht trawler"),
    "firearm": words("gun handgun shotgun rifle pistol revolver"),
    "weapon": words("gun handgun shotgun rifle pistol revolver knife firearm"),
}
"""What a general noun counts, besides itself: "none of the vehicles" against "two cars"."""

SAME_SCENES = (
    "fire blaze wildfire inferno flame",
    "quake earthquake tremor",
    "crash collision",
    "storm gale",
    "flood flooding",
    "breach intrusion hack cyberattack",
    "blast explosion",
    "slip landslide landslip rockfall",
    "collapse cave-in",
    "crush surge stampede",
    "outage blackout",
    "strike walkout stoppage",
    "wedding marriage married",
)
"""Words that name the same happening in a news report (nouns, and "married" for a
wedding)."""

BOUNDS = {
    "about": (0.85, 1.15),
    "around": (0.85, 1.15),
    "roughly": (0.85, 1.15),
    "approximately": (0.85, 1.15),
    "some": (0.85, 1.15),
    "estimated": (0.85, 1.15),
    "close to": (0.85, 1.0),
    "nearly": (0.85, 1.0),
    "almost": (0.85, 1.0),
    "just under": (0.85, 1.0),
    "just over": (1.0, 1.15),
    "more than": (1.0, float("inf")),
    "over": (1.0, float("inf")),
    "at least": (1.0, float("inf")),
    "upwards of": (1.0, float("inf")),
    "in excess of": (1.0, float("inf")),
    "above": (1.0, float("inf")),
    "exceeding": (1.0, float("inf")),
    "fewer than": (0.0, 1.0),
    "less than": (0.0, 1.0),
    "under": (0.0, 1.0),
    "below": (0.0, 1.0),
    "at most": (0.0, 1.0),
    "up to": (0.0, 1.0),
    "as many as": (0.0, 1.0),
}
"""Words before a figure that make it a range: factors of the figure for its low and high end."""

ROLE_BEFORE = {
    "change": (
        "up from",
        "down from",
        "from",
        "rose to",
        "risen to",
        "fell to",
        "fallen to",
        "increased to",
        "decreased to",
        "dropped to",
        "climbed to",
        "grew to",
        "doubled to",
        "compared with",
        "compared to",
        "an extra",
        "an additional",
        "a further",
    ),
    "part": (
        "of whom",
        "of which",
        "of them",
        "among them",
        "including",
        "remaining",
        "the remaining",
        "the other",
        "other",
        "another",
        "a further",
        "further",
        "additional",
        "extra",
        "each",
        "every",
        "out of",
        "half of",
        "a third of",
        "a quarter of",
        "the last",
        "the first",
        "the rest",
    ),
    "total": (
        "a total of",
        "total of",
        "in all",
        "altogether",
        "combined",
        "overall",
        "all told",
        "total",
        "the total",
        "all",
        "all of the",
    ),
    "margin": (
        "a margin of",
        "margin of",
        "a majority of",
        "majority of",
        "a lead of",
        "lead of",
        "a gap of",
        "gap of",
    ),
    "average": (
        "an average of",
        "average of",
        "the average",
        "on average",
        "a typical",
        "the typical",
        "the usual",
        "the normal",
    ),
}
"""Words just before a figure that say it is not the plain count of the event. A total
is still its count ("all 12 miners"); an average is what is usual, not what happened."""

VOTE_FOR = words("favour favor support backing backed")
"""Words that say a vote went for something."""

ROUGHLY = words("about around roughly approximately nearly almost")
"""Words before a figure or a time that say it is rough ("about 120", "around 10.15pm")."""

WINNING = words(
    """won win wins winning carried carry carries lost lose loses losing led leads leading
    beat beats beaten defeated defeats"""
)
"""Verbs of winning or losing: the figure after "by" is the margin ("won by 38")."""

QUANTIFIERS = words("most many some half all none each several few both either neither")
"""Words that take a part of a whole: "most of the 22 schools"."""

ROLE_AFTER = {
    "part": ("of whom", "of which", "of them", "out of", "more", "others", "other"),
    "total": ("in all", "in total", "altogether", "combined", "overall", "all told"),
    "change": ("more than", "fewer than", "less than", "a year earlier", "last year", "than"),
    "delta": ("between the two", "separating", "behind", "ahead of"),
    "rate": ("per", "a day", "a week", "a month", "a year", "each", "every", "an hour"),
}
"""Words just after a figure and its noun that say the same."""

HEDGES = words("could might may hope hopes hoped hoping if unless")
"""Words that make what a clause says only possible: it contradicts nothing ("the
branches could close on June 30", "fares could rise by 12 per cent")."""

ROLE_CLAUSE = {
    "target": words(
        """target targets goal goals aim aims aimed plan plans planned pledged pledge promised
        promise expected expects expect forecast forecasts projected projection would will
        could might may hope hopes hoped intend intends intended should
        envisaged envisages proposed proposes expecting planning hoping aiming intending
        targeting forecasting projecting"""
    )
    | {"going to be"},
    "partial": frozenset({"so far", "to date", "as of", "thus far", "until now", "by then"}),
    "share": words(
        """share proportion third quarter half fifth tenth percent cent majority minority
        fraction"""
    ),
    "change": words(
        """rose risen fell fallen increased decreased dropped climbed grew doubled tripled
        halved"""
    )
    | {"up from", "down from", "up by", "down by"},
    "total": frozenset({"nationwide", "countrywide", "total", "overall", "altogether"}),
}
"""Words anywhere in the figure's clause that say the same."""

DISTINCT = words(
    """second third fourth fifth another other separate next previous former earlier later
    first last"""
)
"""Words that make a thing another one of its kind ("a second round opened on Thursday")."""

EVENT_CLASSES = (
    "transfer hand return repatriat deliver handover swap exchang",
    "clos shut shutter closur",
    "cancel cancellation scrap axe ground scrapp",
    "fel chop cut felling",
    "vote cast ballot approv backed backing",
    "balloted balloting",  # those balloted were asked to vote, not those who voted
    "kill dead death die died fatalit perish drown",
    "injur wound hurt treat",
    "arrest detain detention hold",
    "evacuat flee fled displac",
    "hire recruit employ",
    "lay sack dismiss layoff redundanc",
    "open reopen opening inaugurat",
    "begin began begun start commenc launch",
    "take took taken steal stole stolen",
    "leav left depart",
    "find found recover retriev locat discover spotted notic",
    "become became",
    "win won secur",
    "receiv obtain",
    "elect",
    "strike walkout walk stoppage",
    "build built construct erect",
    "increas rise rose risen grow grew grown growth climb jump",
    "decreas fall fallen drop declin shrank shrunk shrink",
    "sell sold sale",
    "buy bought purchas acquir",
    "rais collect bring brought generat earn yield",
    "donat",
    "attend attendance drew draw",
    "destroy raze flatten los",
    "finish complet cross",
    "reject spoil disallow invalidat",
    "burst break overflow",
    "crash collid collision overturn derail",
    "damag",
    "rescu sav",
    "send sent dispatch deploy",
    "carry carri transport",
    "plant sow",
    "delay",
    "fight fought battl tackl",
)
"""Words that name the same event, as words or as stems (``stem`` makes them); a word's
stem is entered too, so "backed" makes "back" a vote (NOT_VERBS keeps the bare word out)."""

MONTHS = ordered(
    "january february march april may june july august september october november december"
)
WEEKDAYS = ordered("monday tuesday wednesday thursday friday saturday sunday")
TIME_UNITS = {
    "minute": 1 / 1440,
    "hour": 1 / 24,
    "day": 1,
    "week": 7,
    "fortnight": 14,
    "month": 30,
    "year": 365,
}
RELATIVE_TIME = words(
    """ago earlier later after before into within since previously initially originally
    past next last"""
)
"""Words that make a date or a span relative to another ("two days after", "a year earlier")."""
TIME_WORDS = words(
    """yesterday today tomorrow tonight weekend morning afternoon evening night week month
    year quarter spring summer autumn winter season"""
)
DELTAS = words("increase rise fall drop cut growth decline jump")
"""Nouns of a change whose size follows: "an increase of 2,400 people"."""
CHANGE_VERBS = words(
    """rose risen grew grown increased fell fallen dropped declined climbed jumped decreased
    shrank shrunk"""
)
"""Verbs of a change whose size follows "by": "grew by 3,100 people"."""

PAST_MARKERS = (
    "a year earlier",
    "a year ago",
    "last year",
    "previously",
    "the previous year",
    "the year before",
    "initially",
    "originally",
    "at first",
    "in the past",
    "last winter",
    "last summer",
    "last spring",
    "last autumn",
    "the last one",
    "the previous one",
    "the one before",
)
"""Words that set a figure in an earlier time than the article's ("last winter, 310
crossings were cancelled"): it contradicts no figure of now."""
