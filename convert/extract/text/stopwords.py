"""Compact function-word lists for many languages, and a light language guesser.

Running prose is full of short function words (articles, prepositions, pronouns, auxiliaries);
menus, buttons and teaser headlines have few. That density is the strongest language-neutral
signal a plain-text dump offers, so the text parser measures it against the list of the page's
own language. Lists are deliberately short (the most frequent forms only): frequency, not
completeness, is what separates prose from furniture.

Scripts written without spaces (Chinese, Japanese, Thai, Burmese, ...) have no words to count;
for them :func:`script_of` decides the language and the parser measures punctuation instead.
"""

from __future__ import annotations

from collections import Counter
from functools import lru_cache

from ..lazyre import lazy

_LISTS = {
    "en": "the of and to a in is that for it as was with be by on not he this are or his from at "
          "which but have an they you were her she there been one all we their has would when who "
          "will more if no out so what its into than them can only other new some could these "
          "two may first then do any like my now over such our me even most also after did many "
          "before must through should where much your those while because",
    "de": "der die und in den von zu das mit sich des auf für ist im dem nicht ein eine als auch "
          "es an werden aus er hat dass sie nach wird bei einer um am sind noch wie einem über "
          "einen so zum war haben nur oder aber vor zur bis mehr durch man sein wurde sei ich "
          "wir ihr ihre kann gegen vom schon wenn habe seine dann unter wir soll ob diese",
    "fr": "de la le et les des en un du une que est pour qui dans par plus pas au sur ne se a ce "
          "il sont avec ou son aux elle mais nous comme ont sa été ses je leur cette tout on "
          "y ses fait être aussi lui peut dont entre sans deux ils vous si où même bien",
    "es": "de la que el en y a los del se las por un para con no una su al lo como más pero sus "
          "le ya o fue este ha sí porque esta son entre cuando muy sin sobre también me hasta "
          "hay donde quien desde todo nos durante todos uno les ni contra otros ese eso ante "
          "ellos e esto mí antes algunos qué unos yo otro otras otra él tanto esa estos mucho",
    "it": "di e il la che in a per un del è non una le si con da i sono al dei della gli ha come "
          "anche più ma lo nel alla delle se ci questo suo nella sua o tra cui loro essere "
          "stato ad era dopo molto fra quando dal degli sul questa ancora già",
    "pt": "de a o que e do da em um para é com não uma os no se na por mais as dos como mas foi "
          "ao ele das tem à seu sua ou ser quando muito há nos já está eu também só pelo pela "
          "até isso ela entre era depois sem mesmo aos ter seus quem nas esse eles",
    "nl": "de en van het een in is dat op te zijn met voor niet die aan er ook als om dan maar "
          "bij of uit nog wel door naar heeft over hij was ze al worden wordt dit geen tot kan "
          "we ik zich meer hun zou",
    "pl": "i w na z do się nie że to jest o jak a po co ale przez od za tak dla jego jej są być "
          "już tylko oraz może który która które tego przy także ich pod jednak bardzo było "
          "gdy bo tym czy też ze we",
    "cs": "a se na v je že to s z do o k i jako by ale pro jsou jeho po tak být za které který "
          "která už jen podle při od bylo aby jak není však nebo také této tento ve bude",
    "sk": "a sa na v je že to s z do o k i ako by ale pre sú jeho po tak byť za ktoré ktorý "
          "ktorá už len podľa pri od bolo aby ako nie však alebo aj tejto tento vo bude",
    "sv": "och i att det som en på är av för med till den har de inte om ett han men var jag "
          "sig från vi så kan man när år säger hon under också efter eller nu sin där vid mot",
    "da": "og i at det en den til er som på de med han af for ikke der var mig sig men et har om "
          "vi min havde hun nu over da fra du ud sin dem os op man hans hvor eller hvad skal",
    "no": "og i det som en på er av for til med at den har de ikke om et han men var jeg seg fra "
          "vi så kan man når år sier hun under også etter eller nå sin der ved mot",
    "fi": "ja on ei se että oli hän kun mutta myös ovat tai joka kuin ole mukaan sen sekä "
          "jo vain nyt niin voi jos mitä tämä ovat sitä hänen olla ollut",
    "ro": "și de la în a cu o care pe nu un din este se că mai ca pentru sunt au al ce fost "
          "lui sau dar după acest această fi prin dacă le ei",
    "hu": "a az és hogy nem is egy de meg van volt ez csak már mint még el ki be sem fel kell "
          "lesz vagy azt ha után pedig így most amely aki",
    "tr": "ve bir bu da de için ile olarak daha çok gibi en ama ne o olan kadar sonra ise "
          "değil her ya mı var ki şey bunu diye göre",
    "ru": "и в не на что с он как по а это к но из у за от его она так же то все был для "
          "о вы мы бы они было только уже или ее если когда до при без также может этом",
    "uk": "і в не на що з він як по а це до але із у за від його вона так же то все був для "
          "про ви ми б вони було тільки вже чи її якщо коли при без також може та й",
    "bg": "и в на се да не за от са е че с по като това го но ще той който които тя ли от",
    "sr": "и у да је се на за не са од то као из али о по све би која који које ће јер",
    "hr": "i u da je se na za ne su od to kao iz ali o po sve bi koja koji koje će jer ili",
    "sl": "in je v na se da za z ki so ne tudi pa po od bi kot iz ali do pri",
    "lv": "un ir ar par no uz kā ka to bet arī tas ir vai lai viņš tā pie kas jau",
    "lt": "ir yra su į iš kad tai bet o kaip per buvo jo ar dėl taip jau už",
    "et": "ja on ei et oli see kui ka mis ta aga või siis nii veel kes",
    "el": "και το η να του της τα σε με για που ο την είναι από τον οι στο στην θα δεν τις των",
    "ca": "de la el i a que en les els per un una és amb no del al es són com però també",
    "an": "de a o que e en os y a ra as no se por ta con un una ye d l do en a",
    "gl": "de a o que e do da en un para é con non unha os no se na por máis as dos como",
    "eu": "eta da ez du bat zen ere bere baina dira izan dute beste hau",
    "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada karena "
          "oleh atau bisa sudah saya mereka kami telah",
    "ms": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ke ada kerana oleh",
    "vi": "và của là có được cho không các những người trong một với này đã đến khi",
    "tl": "ang ng sa na at mga ay si ni para hindi may kung ito",
    "sw": "na ya wa kwa ni za la katika kuwa hii huo",
    "ar": "في من على أن إلى عن مع التي الذي هذا هذه كان ما لا و أو قد بين كل بعد ذلك هو هي",
    "fa": "و در به از که این را با است برای آن یک تا می بر شده هم",
    "he": "של את על הוא לא עם זה כי גם היא אבל או אם כל",
    "hi": "के है में की और से को का एक यह पर भी कि हैं था नहीं",
}

# Characters that stand for function words in scripts written without spaces.
_CHAR_LISTS = {
    "zh": "的了是在和有我不这人们中为上个以到说也就都而及与着或之于其被把這們為個說與著於",
    "ja": "のはをにがとでもたしてるいうかなれ",
}

#: language code -> frozenset of lower-cased function words
STOPWORDS: dict[str, frozenset[str]] = {k: frozenset(v.split()) for k, v in _LISTS.items()}
#: language code -> frozenset of function characters (languages written without spaces)
STOPCHARS: dict[str, frozenset[str]] = {k: frozenset(v) for k, v in _CHAR_LISTS.items()}

#: function word -> the languages whose list has it
_LANGUAGES_OF: dict[str, tuple[str, ...]] = {}
for _code, _lst in STOPWORDS.items():
    for _w in _lst:
        _LANGUAGES_OF[_w] = _LANGUAGES_OF.get(_w, ()) + (_code,)

_WORD = lazy(r"[^\W\d_]+(?:['’][^\W\d_]+)?")

# Script ranges decide the language outright where one script means one language here.
_SCRIPTS = (
    ("ja", lazy(r"[\u3040-\u30ff]")),
    ("ko", lazy(r"[\uac00-\ud7af]")),
    ("zh", lazy(r"[\u4e00-\u9fff]")),
    ("th", lazy(r"[\u0e00-\u0e7f]")),
    ("my", lazy(r"[\u1000-\u109f]")),
    ("km", lazy(r"[\u1780-\u17ff]")),
    ("lo", lazy(r"[\u0e80-\u0eff]")),
    ("ka", lazy(r"[\u10a0-\u10ff]")),
    ("hy", lazy(r"[\u0530-\u058f]")),
)

#: any character of the scripts above (one pass to rule them all out)
_ANY_SCRIPT = lazy("[" + "".join(rx.pattern[1:-1] for _, rx in _SCRIPTS) + "]")

#: languages whose text is written without spaces between words
UNSPACED = frozenset({"zh", "ja", "th", "my", "km", "lo"})


def words(text: str) -> list[str]:
    """Lower-cased alphabetic words of ``text``."""
    low = text.lower()
    if len(low) == len(text) and "Σ" not in text:
        # (every character lower-cased to one, and none by its context: the words of the
        # lower-cased text are the lower-cased words, found in one pass; "İ" becomes two
        # characters, and "Σ" becomes "ς" or "σ" by what follows it)
        return _WORD.findall(low)
    return [w.lower() for w in _WORD.findall(text)]


def word_counts(text: str) -> Counter[str]:
    """``Counter(words(text))``, counted by whitespace tokens first: a word never spans
    whitespace, and most tokens are a word and nothing else, so the pattern runs only on the
    distinct tokens that are not (punctuation attached, digits, apostrophes)."""
    low = text.lower()
    if len(low) != len(text) or "Σ" in text:
        return Counter(words(text))  # (see words())
    out: Counter[str] = Counter()
    for tok, n in Counter(low.split()).items():
        if tok.isalpha():
            out[tok] += n
        else:
            for w in _WORD.findall(tok):
                out[w] += n
    return out


_LETTER = lazy(r"[^\W\d_]")


def script_of(text: str) -> str | None:
    """The language implied by a dominant script written without spaces, else ``None``."""
    sample = text[:20000]
    if not _ANY_SCRIPT.search(sample):
        return None  # (most pages: one scan, no list built)
    in_scripts = len(_ANY_SCRIPT.findall(sample))
    letters = len(_LETTER.findall(sample)) or 1
    if in_scripts < 0.2 * letters:
        return None
    best, best_n = None, 0
    for lang, rx in _SCRIPTS:
        n = len(rx.findall(sample))
        if n > best_n:
            best, best_n = lang, n
    if best is None or best_n < 0.2 * letters:
        return None
    if best == "zh" and len(_SCRIPTS[0][1].findall(sample)) > 0.05 * best_n:
        return "ja"
    return best


#: The language is guessed from the first this many characters.
LANGUAGE_SAMPLE = 200000


def guess_language(text: str, counts: Counter[str] | None = None) -> str | None:
    """A BCP 47 primary language tag for ``text``, or ``None`` if too little evidence.

    Script first (CJK, Thai, ...), then the function-word list that covers the most words.
    ``counts``, when given, is ``word_counts(text[:LANGUAGE_SAMPLE])`` computed already.
    """
    lang = script_of(text)
    if lang:
        return lang
    if counts is None:
        counts = word_counts(text[:LANGUAGE_SAMPLE])
    total = sum(counts.values())
    if total < 20:
        return None
    # (from the page's function words to their languages: a few hundred look-ups, not one
    # per word of every list)
    scores = dict.fromkeys(STOPWORDS, 0)
    for w in counts.keys() & _LANGUAGES_OF.keys():
        for code in _LANGUAGES_OF[w]:
            scores[code] += counts[w]
    best = max(scores, key=lambda k: scores[k])
    if scores[best] < 0.15 * total:
        return None
    return best


@lru_cache(maxsize=64)
def stopwords_for(lang: str | None) -> frozenset[str]:
    """The function words of ``lang``; for an unknown language, the union of all lists."""
    if lang and lang in STOPWORDS:
        return STOPWORDS[lang]
    out: set[str] = set()
    for lst in STOPWORDS.values():
        out |= lst
    return frozenset(out)
