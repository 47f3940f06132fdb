#!/usr/bin/env python3
"""Generate many varied, realistic video briefs for load and fuzz-style tests.

Usage: gen-briefs.py OUTDIR N [SEED]

Writes N briefs to OUTDIR/NNNN/brief-NNNNNN.brief (100 per folder) and a
manifest, OUTDIR/MANIFEST.tsv, with one line per brief:

    path <TAB> kind <TAB> problems

kind is `clean` (no diagnostics with the default config and --today 2026-11-24),
`warnings` (warnings only) or `errors` (at least one error); problems lists, space
separated, every rule that must fire (each at least once; consequences included,
e.g. a typo'd `lenght:` key also means `missing-field`).

About 65% of briefs are clean, 15% carry warnings only and 20% have errors.
Lengths run from 15 s to 5 min; some briefs are written in Ukrainian, Greek or
Polish, a few use CRLF line endings or a BOM. Output is deterministic: brief i
depends only on SEED and i, not on N. Standard library only.
"""

import os
import random
import sys

# ---------------------------------------------------------------- text banks

LANGS = {
    "en": {
        "clients": ["Acme Corp", "Northwind Traders", "Globex", "Initech", "Umbrella Health",
                    "Stark Logistics", "Wayne Foods", "Hooli Cloud", "Vandelay Industries"],
        "products": ["Sync", "Vault", "Pulse", "Ledger", "Atlas", "Beacon", "Relay", "Harbor"],
        "title": ["{p} — {d} {kind}", "{c}: {p} {kind}", "{p} {kind} for {chan}"],
        "kinds": ["overview", "explainer", "teaser", "customer story", "demo cut", "launch video",
                  "onboarding walkthrough", "social cut"],
        "goal": [
            "Give field reps a short video to send after a first call that shows the main benefits of {p}"
            " and gets the prospect to book a demo.",
            "Explain how {p} works end to end, so that visitors of the product page understand it and start"
            " a free trial without a sales call.",
            "Make IT managers who have never heard of {p} remember that it sets up in minutes.",
            "Help existing customers turn on the features they already pay for, so that fewer of them cancel"
            " at renewal.",
        ],
        "audience": [
            "IT managers at companies of 200 to 2,000 seats who had a first call and are comparing us with"
            " two other vendors.",
            "Operations leads at mid-size logistics firms who watch on their phones, usually with the sound off.",
            "Existing customers who bought {p} last year and use less than half of it.",
            "Finance teams in retail who are tired of spreadsheets and skeptical of new tools.",
        ],
        "message": ["Your files, everywhere, without the IT headache.", "Set it up today, forget about it tomorrow.",
                    "Less busywork, more real work.", "One console for everything you run."],
        "benefits": ["Set up in minutes, not days", "Works offline and syncs when back online",
                     "SOC 2 Type II certified", "One console for every device", "No agent to babysit",
                     "Priced per seat, no minimum", "Integrates with your identity provider",
                     "Support that answers in under an hour"],
        "cta": ["Book a 20-minute demo at {u}.", "Start a free 30-day trial at {u}.",
                "Talk to your account manager this week.", "Scan the code to get the checklist."],
        "metric_names": ["Demo bookings from viewers", "Watched past 30 seconds", "Trial starts",
                         "Reps who send it", "Click-through to the product page", "Renewal rate of viewers"],
        "metric_targets": ["{n} per month", "{n}%", "{n} in the first quarter", "{n}% within 30 days",
                           "up {n}% on last year"],
        "sources": ["CRM campaign", "video host analytics", "product analytics", "UTM campaign", "brand survey"],
        "scene_titles": ["Hook", "The problem", "Set up in minutes", "Works offline", "Certified",
                         "Customer voice", "How it works", "The console", "Pricing", "Call to action",
                         "Before and after", "The team"],
        "visuals": ["Close-up of a screen full of error pop-ups.", "Screen recording of the installer, sped up.",
                    "Laptop on a train, the Wi-Fi icon drops, files keep opening.", "Logo end card with the URL.",
                    "A customer at her desk, talking to camera.", "Animated diagram of the three parts.",
                    "Split screen: the old way and the new way.", "Drone shot of the warehouse at dawn."],
        "vo": ["Another Monday, another sync error.", "Set up across your whole fleet in minutes.",
               "Offline? Keep working.", "Everything syncs the moment you reconnect.",
               "Security signs off on day one.", "Book your demo today.",
               "We cut our support tickets in half.", "One console, every device, no agents."],
        "onscreen": ["Sick of sync errors?", "Set up in minutes", "Works offline", "SOC 2 Type II",
                     "Book a demo", "Half the tickets"],
        "people": ["Priya Shah", "Tom Becker", "Ana Lima", "Jonas Berg", "Mei Tanaka", "Sam Okafor",
                   "Lucía Fernández", "Ola Nordmann"],
        "look": ["Bright office daylight, brand blue, real customers rather than actors.",
                 "Calm and precise; flat animation mixed with real screen recordings.",
                 "Handheld, warm, documentary feel."],
        "mandatory": ["Logo end card, 3 seconds", "Burned-in captions", "Legal line on pricing",
                      "Accessibility: audio description track"],
        "check": ["Goal agreed by sales and marketing", "Audience reviewed by sales", "Script approved",
                  "Music licensed", "Talent releases signed"],
        "channels": ["sales follow-up email", "product page", "LinkedIn", "YouTube pre-roll", "webinar",
                     "trade show booth", "help center"],
        "notes": ["Keep the console scene easy to re-cut; the UI changes in spring.",
                  "The customer quote is approved by their comms team.",
                  "Reuse the footage from the 2026 shoot where possible."],
    },
    "uk": {
        "clients": ["ТОВ «Дніпро Хмара»", "Київ Смарт", "Львівські Системи", "ПриватЛогістик"],
        "products": ["Хмара Синк", "Сейф", "Пульс", "Маяк"],
        "title": ["{p} — {kind}, {d}", "{c}: {p}, {kind}"],
        "kinds": ["огляд", "пояснювальне відео", "тизер", "історія клієнта", "запуск продукту"],
        "goal": ["Дати менеджерам з продажу коротке відео про {p}, яке веде клієнта до запису на демо.",
                 "Пояснити, як працює {p}, щоб відвідувачі сайту почали безкоштовний пробний період.",
                 "Показати ІТ-директорам, що {p} встановлюється за кілька хвилин."],
        "audience": ["ІТ-директори середніх компаній у Києві та Львові, які порівнюють нас із конкурентами.",
                     "Керівники логістики, які дивляться відео на телефоні без звуку.",
                     "Наші клієнти, які користуються лише половиною можливостей {p}."],
        "message": ["Ваші файли всюди — без головного болю для ІТ.", "Менше рутини, більше справжньої роботи."],
        "benefits": ["Встановлення за хвилини, а не за дні", "Працює офлайн і синхронізується пізніше",
                     "Сертифікат ISO 27001", "Одна консоль для всіх пристроїв", "Підтримка відповідає за годину"],
        "cta": ["Запишіться на демо на {u}.", "Почніть безкоштовний пробний період на {u}."],
        "metric_names": ["Записи на демо", "Перегляди довше 30 секунд", "Пробні періоди", "Переходи на сайт"],
        "metric_targets": ["{n} на місяць", "{n}%", "{n} за квартал", "{n}% протягом 30 днів"],
        "sources": ["CRM", "аналітика відеохостингу", "аналітика продукту"],
        "scene_titles": ["Гачок", "Проблема", "Встановлення", "Офлайн", "Безпека", "Заклик", "Як це працює"],
        "visuals": ["Екран, повний сповіщень про помилки.", "Запис екрана інсталятора, прискорений.",
                    "Ноутбук у потязі Київ — Львів, Wi-Fi зникає.", "Фінальна картка з логотипом."],
        "vo": ["Знову понеділок, знову помилка.", "Встановлення за кілька хвилин.", "Немає мережі? Працюйте далі.",
               "Запишіться на демо сьогодні."],
        "onscreen": ["Втомилися від помилок?", "За хвилини", "Працює офлайн", "Запишіться на демо"],
        "people": ["Олена Коваль", "Андрій Шевченко", "Ірина Бондар", "Сергій Мельник"],
        "look": ["Яскраве денне світло, фірмовий синій, справжні клієнти замість акторів."],
        "mandatory": ["Фінальна картка з логотипом, 3 секунди", "Субтитри українською та англійською"],
        "check": ["Мету погоджено", "Сценарій затверджено", "Музику ліцензовано"],
        "channels": ["лист відділу продажів", "сторінка продукту", "YouTube"],
        "notes": ["Українська версія — основна; англійські субтитри робимо з того ж монтажу."],
    },
    "el": {
        "clients": ["Αθηναϊκή Λογισμικού ΑΕ", "Ελληνικά Δίκτυα", "Ποσειδών Logistics"],
        "products": ["Σύγχρονο", "Θησαυρός", "Φάρος"],
        "title": ["{p} — {kind}, {d}", "{c}: {p}, {kind}"],
        "kinds": ["επισκόπηση", "επεξηγηματικό βίντεο", "τρέιλερ", "ιστορία πελάτη"],
        "goal": ["Να δώσουμε στους πωλητές ένα σύντομο βίντεο για το {p} που οδηγεί σε ραντεβού επίδειξης.",
                 "Να εξηγήσουμε πώς λειτουργεί το {p}, ώστε οι επισκέπτες να ξεκινήσουν δωρεάν δοκιμή."],
        "audience": ["Διευθυντές πληροφορικής σε εταιρείες με 200 έως 2.000 υπαλλήλους στην Αθήνα.",
                     "Υπεύθυνοι λειτουργιών που βλέπουν βίντεο στο κινητό χωρίς ήχο."],
        "message": ["Τα αρχεία σας παντού, χωρίς πονοκέφαλο.", "Λιγότερη γραφειοκρατία, περισσότερη δουλειά."],
        "benefits": ["Εγκατάσταση σε λίγα λεπτά", "Λειτουργεί εκτός σύνδεσης", "Πιστοποίηση ISO 27001",
                     "Μία κονσόλα για όλες τις συσκευές"],
        "cta": ["Κλείστε μια επίδειξη στο {u}.", "Ξεκινήστε δωρεάν δοκιμή στο {u}."],
        "metric_names": ["Ραντεβού επίδειξης", "Προβολές πάνω από 30 δευτερόλεπτα", "Δοκιμές"],
        "metric_targets": ["{n} τον μήνα", "{n}%", "{n} ανά τρίμηνο"],
        "sources": ["CRM", "αναλυτικά στοιχεία βίντεο"],
        "scene_titles": ["Άγκιστρο", "Το πρόβλημα", "Εγκατάσταση", "Εκτός σύνδεσης", "Κλείσιμο"],
        "visuals": ["Οθόνη γεμάτη μηνύματα σφάλματος.", "Εγγραφή οθόνης της εγκατάστασης.",
                    "Λάπτοπ στο πλοίο για την Αίγινα, το Wi-Fi χάνεται.", "Τελική κάρτα με το λογότυπο."],
        "vo": ["Άλλη μια Δευτέρα, άλλο ένα σφάλμα.", "Εγκατάσταση σε λίγα λεπτά.", "Κλείστε επίδειξη σήμερα."],
        "onscreen": ["Κουραστήκατε από τα λάθη;", "Σε λίγα λεπτά", "Κλείστε επίδειξη"],
        "people": ["Δημήτρης Παπαδόπουλος", "Ελένη Γεωργίου", "Νίκος Αντωνίου"],
        "look": ["Φυσικό φως, χωρίς στοκ πλάνα με χειραψίες."],
        "mandatory": ["Τελική κάρτα με λογότυπο, 3 δευτερόλεπτα", "Υπότιτλοι στα ελληνικά"],
        "check": ["Ο στόχος συμφωνήθηκε", "Το σενάριο εγκρίθηκε"],
        "channels": ["email πωλήσεων", "σελίδα προϊόντος"],
        "notes": ["Η ελληνική εκδοχή είναι η κύρια."],
    },
    "pl": {
        "clients": ["Łódzkie Zakłady Cyfrowe", "Gdańsk Żegluga", "Kraków Śródmieście Sp. z o.o."],
        "products": ["Źródło", "Żuraw", "Łącznik"],
        "title": ["{p} — {kind}, {d}", "{c}: {p}, {kind}"],
        "kinds": ["przegląd", "film objaśniający", "zwiastun", "historia klienta"],
        "goal": ["Dać handlowcom krótki film o {p}, który prowadzi klienta do umówienia prezentacji.",
                 "Wyjaśnić, jak działa {p}, żeby odwiedzający zaczęli bezpłatny okres próbny."],
        "audience": ["Dyrektorzy IT w firmach z Łodzi, Gdańska i Poznania, którzy porównują nas z konkurencją.",
                     "Kierownicy magazynów, którzy oglądają filmy na telefonie bez dźwięku."],
        "message": ["Twoje pliki wszędzie, bez bólu głowy.", "Mniej żmudnej pracy, więcej prawdziwej."],
        "benefits": ["Wdrożenie w kilka minut", "Działa bez połączenia z siecią", "Certyfikat ISO 27001",
                     "Jedna konsola dla wszystkich urządzeń"],
        "cta": ["Umów prezentację na {u}.", "Zacznij bezpłatny okres próbny na {u}."],
        "metric_names": ["Umówione prezentacje", "Obejrzenia dłuższe niż 30 sekund", "Okresy próbne"],
        "metric_targets": ["{n} miesięcznie", "{n}%", "{n} w kwartale"],
        "sources": ["CRM", "analityka wideo"],
        "scene_titles": ["Haczyk", "Problem", "Wdrożenie", "Bez sieci", "Zakończenie"],
        "visuals": ["Ekran pełen komunikatów o błędach.", "Nagranie ekranu instalatora, przyspieszone.",
                    "Laptop w pociągu do Wrocławia, Wi-Fi znika.", "Plansza końcowa z logo."],
        "vo": ["Kolejny poniedziałek, kolejny błąd.", "Wdrożenie w kilka minut.", "Umów prezentację już dziś."],
        "onscreen": ["Dość błędów?", "W kilka minut", "Umów prezentację"],
        "people": ["Łukasz Wróbel", "Małgorzata Źrebiec", "Paweł Żądło", "Agnieszka Śliwińska"],
        "look": ["Jasne światło dzienne, firmowy błękit, prawdziwi klienci zamiast aktorów."],
        "mandatory": ["Plansza końcowa z logo, 3 sekundy", "Napisy po polsku"],
        "check": ["Cel uzgodniony", "Scenariusz zatwierdzony"],
        "channels": ["mail od handlowca", "strona produktu"],
        "notes": ["Zażółć gęślą jaźń — sprawdźcie, że czcionka ma ąęłńóśźż."],
    },
}
LANG_WEIGHTS = [("en", 70), ("uk", 15), ("el", 10), ("pl", 5)]

LENGTHS = [15, 20, 30, 45, 60, 75, 90, 120, 150, 180, 240, 300]
STAGES = ["awareness", "engage", "convert", "retain"]
FORMATS = ["16:9", "9:16", "1:1", "4:5"]
SPEAKING_RATE = 150  # words per minute, the default

ERRORS = ["unknown-field", "unknown-section", "too-many-items", "scene-overlap", "malformed-metric",
          "missing-section", "missing-field", "scene-timecode", "invalid-url", "stray-text", "invalid-value",
          "duplicate-field", "scenes-exceed-length", "missing-sales-owner", "unchecked-item", "too-long",
          "duplicate-section", "empty-section", "missing-sign-off"]
WARNINGS = ["scene-gap", "scenes-short-of-length", "benefits-per-length", "unmeasurable-metric",
            "due-in-past", "voiceover-too-long"]
# When both of a pair are picked the second is dropped: it could not fire (no
# length to check against, an approved brief is never past due, ...).
EXCLUSIVE = [("missing-field", r) for r in ("scenes-exceed-length", "scenes-short-of-length",
                                           "benefits-per-length", "duplicate-field")]
EXCLUSIVE += [("scenes-exceed-length", "scenes-short-of-length"), ("unchecked-item", "due-in-past"),
              ("missing-sign-off", "due-in-past"), ("missing-section", "empty-section")]
LENGTH_RULES = {"scenes-exceed-length", "scenes-short-of-length", "benefits-per-length", "duplicate-field"}


def fmt_length(rng, s):
    """`length` in one of the accepted forms."""
    m, sec = divmod(s, 60)
    forms = [f"{s}s", f"{s} s", f"{s} seconds"]
    if sec == 0:
        forms += [f"{m}m", f"{m} min", f"{m}:00"]
    elif m:
        forms += [f"{m}m{sec}s", f"{m}:{sec:02d}"]
    return rng.choice(forms)


def tc(s):
    return f"{s // 60}:{s % 60:02d}"


def cuts(rng, length, n):
    """n scene boundaries tiling 0..length, each scene at least 3 s."""
    n = max(1, min(n, length // 3))
    inner = sorted(rng.sample(range(1, length // 3), n - 1)) if n > 1 else []
    points = [0] + [p * 3 for p in inner] + [length]
    return list(zip(points, points[1:]))


def take_words(rng, bank, limit):
    """Voiceover sentences from bank, at most `limit` words in all."""
    out, count = [], 0
    for sentence in rng.sample(bank, len(bank)):
        w = len(sentence.split())
        if count + w > limit:
            break
        out.append(sentence)
        count += w
    return " ".join(out)


def wrap(line, width=14):
    """A scene field as a first line plus continuation lines indented by two spaces."""
    words = line.split()
    return [("  " if k else "") + " ".join(words[k:k + width]) for k in range(0, len(words), width)]


def gen_brief(seed, i):
    rng = random.Random(seed * 1_000_003 + i)
    lang = rng.choices([l for l, _ in LANG_WEIGHTS], [w for _, w in LANG_WEIGHTS])[0]
    T = LANGS[lang]
    # Also borrow some English now and then (mixed-script briefs are realistic).
    E = LANGS["en"]

    roll = rng.random()
    kind = "clean" if roll < 0.65 else "warnings" if roll < 0.80 else "errors"
    problems = []
    if kind == "warnings":
        problems = rng.sample(WARNINGS, rng.choice([1, 1, 2]))
    elif kind == "errors":
        problems = rng.sample(ERRORS, rng.choice([1, 1, 1, 2, 3]))
        if rng.random() < 0.3:
            problems.append(rng.choice(WARNINGS))
    for a, b in EXCLUSIVE:
        if a in problems and b in problems:
            problems.remove(b)
    P = set(problems)

    # A benefits-per-length warning without a too-many-items error needs a short video.
    length = rng.choice(LENGTHS[:3] if "benefits-per-length" in P else LENGTHS)
    client, product = rng.choice(T["clients"]), rng.choice(T["products"])
    stage = rng.choice(STAGES)
    if "missing-sales-owner" in P:
        stage = "convert"
    approved = "unchecked-item" in P or "missing-sign-off" in P or (rng.random() < 0.1 and "due-in-past" not in P)
    status = "approved" if approved else rng.choice(["draft", "draft", "review"])
    marketing, sales = rng.sample(T["people"], 2)
    url = f"{product.lower().replace(' ', '-')}.example/demo" if lang == "en" else "example.com/demo"
    title = rng.choice(T["title"]).format(p=product, c=client, d=f"{length}s" if length < 60 or length % 60 else f"{length // 60} min",
                                          kind=rng.choice(T["kinds"]), chan=rng.choice(E["channels"]))

    L = [f"# {title}", ""]
    header = []
    if rng.random() < 0.8:
        header.append(f"client: {client}")
    if rng.random() < 0.7:
        header.append(f"product: {product}")
    bad_stage = "invalid-value" in P and "missing-sales-owner" not in P
    header.append(f"stage: {'consideration' if bad_stage else stage}")
    length_line = f"length: {fmt_length(rng, length)}"
    has_length = False
    if "missing-field" in P:
        pass  # no length at all
    elif "unknown-field" in P and not P & LENGTH_RULES and rng.random() < 0.5:
        header.append(length_line.replace("length", "lenght"))
        problems.append("missing-field")
    else:
        header.append(length_line.replace("length", "Length") if rng.random() < 0.1 else length_line)
        has_length = True
    if "duplicate-field" in P and "missing-field" not in P:
        header.append(length_line)
    if "invalid-value" in P and not bad_stage:
        header.append("formats: 16:9, square")
    elif rng.random() < 0.7:
        header.append("formats: " + ", ".join(rng.sample(FORMATS, rng.randint(1, 3))))
    if rng.random() < 0.6:
        header.append("channels: " + ", ".join(rng.sample(T["channels"], min(2, len(T["channels"])))))
    if "due-in-past" in P:
        header.append(f"due: 20{rng.randint(19, 25)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}")
    elif rng.random() < 0.7:
        header.append(f"due: 2027-0{rng.randint(1, 9)}-{rng.randint(10, 28)}")
    if rng.random() < 0.2:
        header.append(f"budget: {rng.randint(3, 60)},000 EUR")
    if "unknown-field" in P and not any(h.startswith("lenght") for h in header):
        header.append(f"budjet: {rng.randint(3, 60)},000 EUR")
    header.append(f"marketing: {marketing}")
    if "missing-sales-owner" not in P:
        header.append(f"sales: {sales}")
    else:
        problems.append("missing-field")
    if status != "draft" or rng.random() < 0.5:
        header.append(f"status: {status}")
    if "stray-text" in P:
        header.insert(rng.randint(0, len(header)), "Budget still to be confirmed with finance.")
    L += header + [""]
    if rng.random() < 0.3:
        L += ["// " + rng.choice(["Sales asked for this after the Q3 win/loss calls.",
                                  "Second draft after the kickoff call.", "Owner: the studio team."]), ""]

    def section(name, body):
        L.extend([f"## {name}"] + body + [""])

    goal = rng.choice(T["goal"]).format(p=product)
    if "too-long" in P:
        goal = " ".join([goal] * 10)
    section(rng.choice(["Goal", "Goal", "Objective", "goal"]), [goal])
    if "duplicate-section" in P:
        section("Objective", [rng.choice(T["goal"]).format(p=product)])
    if "missing-section" not in P:
        section("Audience", [] if "empty-section" in P else [rng.choice(T["audience"]).format(p=product)])
    elif "empty-section" in P:
        section("Audience", [])
    if rng.random() < 0.6:
        section("Key message", [rng.choice(T["message"])])

    allowed = min(3, max(1, length // 15))
    n_benefits = rng.randint(1, allowed)
    if "too-many-items" in P:
        n_benefits = 4
        if has_length and n_benefits > max(1, length // 15):
            problems.append("benefits-per-length")
    elif "benefits-per-length" in P and length < 45:
        n_benefits = allowed + 1
    benefits = rng.sample(T["benefits"], n_benefits)
    section(rng.choice(["Key benefits", "Benefits"]), [f"- {b}" for b in benefits])
    if rng.random() < 0.6:
        section(rng.choice(["Call to action", "CTA"]), [rng.choice(T["cta"]).format(u=url)])

    metrics = []
    for name in rng.sample(T["metric_names"], rng.randint(1, 3)):
        target = rng.choice(T["metric_targets"]).format(n=rng.choice([5, 12, 25, 40, 60, 80, 150, 1200]))
        if rng.random() < 0.3:
            target += f" by 2027-0{rng.randint(3, 9)}-30"
        if rng.random() < 0.6:
            target += f" (source: {rng.choice(T['sources'])})"
        metrics.append(f"- {name}: {target}")
    if "malformed-metric" in P:
        metrics.append("- More demo bookings")
    if "unmeasurable-metric" in P:
        metrics.append("- Awareness: grow awareness (source: brand survey)")
    section(rng.choice(["Success metrics", "Metrics", "KPIs"]), metrics)

    # Scenes
    n_scenes = rng.randint(2, max(2, min(10, length // 10)))
    if "scene-overlap" in P and "scene-gap" in P:
        n_scenes = max(n_scenes, 3)  # they go on different scenes
    scenes = cuts(rng, length, n_scenes)  # every scene lasts at least 3 s
    if "scene-overlap" in P:
        a, b = scenes[1]
        scenes[1] = (a - 1, b)
    if "scene-gap" in P:
        a, b = scenes[-1]
        scenes[-1] = (a + 1, b)
    if "scenes-short-of-length" in P:
        a, b = scenes[-1]
        scenes[-1] = (a, b - 1)
    if "scenes-exceed-length" in P:
        a, b = scenes[-1]
        scenes[-1] = (a, b + 5)
    body = []
    # A zero-length scene (END = START) where two scenes meet: a bad timecode
    # that leaves the timing of the other scenes intact.
    bad_tc = rng.randrange(len(scenes) - 1) if "scene-timecode" in P else -1
    long_vo = rng.randrange(len(scenes)) if "voiceover-too-long" in P else -1
    for k, (a, b) in enumerate(scenes):
        sep = "–" if rng.random() < 0.05 else "-"
        body.append(f"### {tc(a)}{sep}{tc(b)} {rng.choice(T['scene_titles'])}")
        body.append(f"Visual: {rng.choice(T['visuals'])}")
        budget = (b - a) * SPEAKING_RATE // 60
        if k == long_vo:
            vo = " ".join(rng.choice(T["vo"]) for _ in range(budget // 3 + 3))
            while len(vo.split()) <= budget:
                vo += " " + rng.choice(T["vo"])
            body += wrap(f"{rng.choice(['Voiceover', 'VO'])}: {vo}")
        elif rng.random() < 0.8:
            vo = take_words(rng, T["vo"], budget * 7 // 10)
            if vo:
                body += wrap(f"{rng.choice(['Voiceover', 'Voiceover', 'VO'])}: {vo}")
        if rng.random() < 0.4:
            body.append(f"On screen: {rng.choice(T['onscreen'])}")
        if rng.random() < 0.15:
            body.append(f"{rng.choice(['Audio', 'Shot', 'Location', 'Outcome'])}: {rng.choice(E['look'])}")
        body.append("")
        if k == bad_tc:
            body += [f"### {tc(b)}-{tc(b)} {rng.choice(T['scene_titles'])}", f"Visual: {rng.choice(T['visuals'])}", ""]
    body.pop()
    section(rng.choice(["Scenes", "Scenes", "Shot list"]), body)

    if rng.random() < 0.4:
        section(rng.choice(["Look and feel", "Tone"]), [rng.choice(T["look"])])
    if rng.random() < 0.4:
        section("Mandatory", [f"- {m}" for m in rng.sample(T["mandatory"], rng.randint(1, len(T["mandatory"])))])
    if "unknown-section" in P:
        section(rng.choice(["Audiance", "Storyboard", "Look & feel", "Mandatorys"]), ["Something."])
    refs = []
    if rng.random() < 0.3:
        refs.append(f"- https://example.com/videos/{rng.randint(100, 999)} — pacing we like")
    if "invalid-url" in P:
        refs.append("- that video we liked last year")
    if refs:
        section("References", refs)

    items = rng.sample(T["check"], min(len(T["check"]), rng.randint(2, 4)))
    if approved:
        checks = [f"- [x] {c}" for c in items]
        if "unchecked-item" in P:
            checks[-1] = checks[-1].replace("[x]", "[ ]")
        section("Checklist", checks)
        signs = [f"- {marketing} (marketing) 2026-11-{rng.randint(10, 23)}",
                 f"- {sales} ({rng.choice(['sales', 'VP Sales', 'Sales lead'])}) 2026-11-{rng.randint(10, 23)}"]
        if "missing-sign-off" in P:
            signs[1] = signs[1].rsplit(" ", 1)[0]
        section(rng.choice(["Sign-off", "Approvals"]), signs)
    elif rng.random() < 0.4:
        section("Checklist", [f"- [{rng.choice(' x')}] {c}" for c in items])
        section("Sign-off", [f"- {marketing} (marketing)", f"- {sales} (sales)"])
    if rng.random() < 0.2:
        section("Notes", [rng.choice(T["notes"])])

    text = "\n".join(L[:-1]) + "\n"
    if rng.random() < 0.05:
        text = text.replace("\n", "\r\n")
    if rng.random() < 0.02:
        text = "\ufeff" + text
    if kind == "errors" and not (P & set(ERRORS)):
        kind = "warnings"
    return text, kind, sorted(set(problems))


def main(argv):
    if len(argv) not in (3, 4) or not argv[2].isdigit():
        sys.stderr.write("usage: gen-briefs.py OUTDIR N [SEED]\n")
        return 2
    outdir, n = argv[1], int(argv[2])
    seed = int(argv[3]) if len(argv) == 4 else 2026
    made = set()
    manifest = []
    counts = {"clean": 0, "warnings": 0, "errors": 0}
    for i in range(n):
        sub = os.path.join(outdir, f"{i // 100:04d}")
        if sub not in made:
            os.makedirs(sub, exist_ok=True)
            made.add(sub)
        text, kind, problems = gen_brief(seed, i)
        rel = f"{i // 100:04d}/brief-{i:06d}.brief"
        with open(os.path.join(outdir, rel), "w", encoding="utf-8", newline="") as f:
            f.write(text)
        manifest.append(f"{rel}\t{kind}\t{' '.join(problems)}\n")
        counts[kind] += 1
    with open(os.path.join(outdir, "MANIFEST.tsv"), "w", encoding="utf-8") as f:
        f.writelines(manifest)
    sys.stderr.write(f"wrote {n} briefs to {outdir}: {counts['clean']} clean, "
                     f"{counts['warnings']} with warnings only, {counts['errors']} with errors\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
