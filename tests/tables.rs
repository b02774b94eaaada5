//! End-to-end: comparison tables pasted in the forms web pages give them, in articles written
//! for these tests (`tests/articles/*table-*.txt`): space-collapsed rows under headers that
//! are names nobody listed, parties, plans or countries, with 2, 3 and 4 columns; headers
//! glued to the page's words and to each other; cells glued to each other; footnote markers;
//! names shown twice; a text cut in the middle of a row. And texts with no table, whose short
//! lines, bullets and dateline blocks must not be read as one.

use stancemap::{analyze, Analysis, Options, TableSource};

fn article(name: &str) -> Analysis {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/articles").join(name);
    analyze(&std::fs::read_to_string(path).expect("article"), &Options::default())
}

/// (article, aspect label, headers, rows as "aspect | cell | cell …").
type TableCase = (&'static str, Option<&'static str>, &'static [&'static str], &'static [&'static str]);

const TABLES: &[TableCase] = &[
    // Two columns headed by surnames nobody listed, one-word aspects, clauses as cells.
    ("en-table-unlisted-names.txt", Some("Policy"), &["Quillan", "Marchetti"], &[
        "Housing | build 40,000 homes a year | freeze rents for two years",
        "Transport | free student buses | new tram line",
        "Budget | cut office costs | raise the tourist levy",
    ]),
    // Three columns: a header glued to the page's button and its names to each other; cells
    // glued (party names, figures run into the aspect, shares into each other), a footnote.
    ("en-table-glued-header.txt", None, &["Helga Mornay", "Jonas Reed", "Pia Castellane"], &[
        "Party | Harbour Union | Green Valley Party | Civic Front",
        "Seats won | 12 | 9 | 4",
        "Vote share | 41.2%[a] | 33.5% | 18%",
        "Home town | Elsin | Maraby | Dunholt",
    ]),
    // Three surnames nobody listed, with no label; cells in sentence case, one opening with
    // the article ("A cap on increases").
    ("en-table-names-no-label.txt", None, &["Okonjo", "Faraday", "Lindqvist"], &[
        "Parking | Free evening parking | A new garage by the market | Paid parking everywhere",
        "Schools | Longer library hours | Smaller classes | A new science wing",
        "Rents | A cap on increases | More social housing | No change",
    ]),
    // Three surnames under a label nobody listed ("Proposal").
    ("en-table-unlisted-label.txt", Some("Proposal"), &["Hartwell", "Osei", "Dumont"], &[
        "Use | Artist studios | A covered market | Flats for rent",
        "Jobs | 40 | 120 | 15",
        "Opening | 2027 | 2026 | 2029",
    ]),
    // Two columns glued with no separator: the header to the page's words and the names to
    // each other (a family name an actor bears: Vance), shares run together.
    ("en-table-glued-two.txt", None, &["Mira Solberg", "Teodor Vance"], &[
        "Party | Coast League | Hill Union",
        "First round | 38.4% | 35.1%",
        "Home town | Port Alder | West Fenning",
        "Main pledge | Cheaper ferries | Lower property taxes",
    ]),
    // Four columns glued with no separator: figures with units, names, months.
    ("en-table-glued-four.txt", None, &["Brackwater", "Lindholm", "Osterby", "Varden"], &[
        "Depth | 14 m | 11 m | 16 m | 9 m",
        "Annual cargo | 3.1 Mt | 2.4 Mt | 5.0 Mt | 1.2 Mt",
        "Operator | Harbour Trust | City Council | Nordline Group | Port Varden Ltd",
        "Busiest month | August | July | August | June",
    ]),
    // Two parties, no title: cells glued, a footnote; the text ends in a figure cut short.
    ("en-table-glued-parties-cut.txt", Some("Issue"), &["Harbour Union", "Green Valley Party"], &[
        "Ferry fares | Freeze until 2028[a] | Cut by a third",
        "Bridge tolls | Scrap them | Keep them for trucks",
        "Seats held | 14 | 9",
    ]),
    // Two plain words as headers; units after figures; the text is cut inside the last row.
    ("en-table-plain-words-cut.txt", Some("Feature"), &["Basic", "Premium"], &[
        "Price | $4 a month | $9 a month",
        "Storage | 50 GB | 2 TB",
        "Backups | 7 days | 90 days",
    ]),
    // Four columns of plain words that open alike; aspects of several words.
    ("en-table-four-options.txt", Some("Measure"), &["Option A", "Option B", "Option C", "Option D"], &[
        "Cost | $4 million | $6.5 million | $2 million | $9 million",
        "Time to build | 2 years | 3 years | 18 months | 4 years",
        "Lanes added | 2 | 4 | none | 6",
        "Tolls planned | yes | no | no | yes",
    ]),
    // Names over the pictures, then again as the first row; the text ends in a row too short.
    ("en-table-repeated-names-cut.txt", Some("Nominee"), &["Anna Kowal", "Jonas Reed"], &[
        "Party | Harbour Party | Inland League",
        "Home district | Elsin | North Maraby",
        "Votes | 412,377 | 398,120",
        "Share | 50.9% | 49.1%",
    ]),
    // Four countries, no title; the text is cut inside the last row, which is left out.
    ("en-table-countries-cut.txt", Some("Key figures"), &["France", "Spain", "Italy", "Greece"], &[
        "Budget deficit | 5.8% | 3.2% | 3.4% | 1.3%",
        "Public debt | 112% | 105% | 137% | 161%",
        "Growth forecast | 1.1% | 2.4% | 0.7% | 2.1%",
    ]),
    // Arabic, two columns headed by names nobody listed; an adjective and an idafa chain.
    ("ar-table-unlisted-names.txt", Some("المحور"), &["سامر الخطيب", "رنا العلي"], &[
        "الضرائب | خفض ضريبة الدخل | فرض رسوم على العقارات الفارغة",
        "التعليم | مدارس مجانية للجميع | دعم الجامعات الحكومية",
        "النقل العام | حافلات كهربائية جديدة | توسيع خط الترام نحو الميناء",
    ]),
    // Arabic, two names nobody listed, with no label.
    ("ar-table-names-no-label.txt", None, &["قيصر الدباغ", "جميل الكرمي"], &[
        "المواقف | مواقف مجانية للسكان | مواقف مدفوعة في كل مكان",
        "المدارس | ساعات أطول للمكتبة | جناح جديد للعلوم",
        "الإيجارات | سقف للزيادات | مساكن شعبية أكثر",
    ]),
    // Arabic, two options of plain words; a footnote; the text is cut inside the last row.
    ("ar-table-options-cut.txt", Some("البند"), &["الخيار الأول", "الخيار الثاني"], &[
        "الكلفة | 40 مليون دينار[أ] | 55 مليون دينار",
        "مدة البناء | 3 سنوات | 4 سنوات",
        "عدد المسارب | 4 | 6",
    ]),
    // Arabic, three bodies of several words under a label nobody listed (المقارنة).
    ("ar-table-unlisted-label.txt", Some("المقارنة"), &["شركة الوادي", "مؤسسة الضفة", "مجموعة الجسر"], &[
        "الاستخدام | مراسم للفنانين | سوق مسقوف | شقق للإيجار",
        "فرص العمل | 40 وظيفة | 120 وظيفة | 15 وظيفة",
        "الافتتاح | 2027 | 2026 | 2029",
    ]),
    // Arabic, three parties nobody listed; shares run together with a footnote; names.
    ("ar-table-parties.txt", Some("المحور"), &["حزب النخيل", "تيار الساحل", "جبهة الوادي"], &[
        "المقاعد | 41 | 37 | 12",
        "نسبة الأصوات | 38.5%[أ] | 34.1% | 11.9%",
        "رئيس القائمة | هالة النجار | وليد الصافي | مروان العلي",
    ]),
    // Arabic, four plans whose headers share their first word; figures with counted nouns.
    ("ar-table-four-plans.txt", Some("البند"), &["الخطة أ", "الخطة ب", "الخطة ج", "الخطة د"], &[
        "الكلفة | 12 مليار | 9 مليارات | 15 مليارا | 7 مليارات",
        "مدة التنفيذ | 3 سنوات | 5 سنوات | 2 سنة | 4 سنوات",
        "الجهة المنفذة | وزارة النقل | بلدية المدينة | شركة خاصة | هيئة الموانئ",
    ]),
    // Places nobody lists as headers, with pipes (Arabic) and tabs (English): columns of no
    // actor, proven by two rows that share the header's cells.
    ("ar-table-places-pipes.txt", Some("المؤشر"), &["الميناء الشمالي", "وادي الزيتون", "الهضبة الخضراء"], &[
        "عدد الفنادق | 40 | 25 | 12",
        "المسافة عن المطار | 15 كيلومترا | 40 كيلومترا | 90 كيلومترا",
    ]),
    ("en-table-places-tabs.txt", Some("Measure"), &["North Harbour", "Olive Valley", "Green Plateau"], &[
        "Hotels | 40 | 25 | 12",
        "Distance to the airport | 15 km | 40 km | 90 km",
    ]),
    // Arabic, three parties, no title line: prose before the header; counted figures and clauses.
    ("ar-table-no-title.txt", Some("البند"), &["حزب الميناء", "تيار الزيتون", "جبهة الهضبة"], &[
        "عدد المرشحين | 40 | 25 | 12",
        "أولوية البرنامج | توسيع الأرصفة | حماية الصيادين | خفض الرسوم",
    ]),
    // Arabic, three countries; the text is cut inside the last row.
    ("ar-table-countries-cut.txt", Some("المؤشر"), &["مصر", "الأردن", "تونس"], &[
        "النمو المتوقع | 4.2% | 2.6% | 1.9%",
        "التضخم | 13.5% | 1.8% | 6.7%",
    ]),
    // Arabic, four places, cells glued with no separator at all: the article opens each
    // header; figures glued to words; dishes glued to each other.
    ("ar-table-glued-four.txt", Some("المؤشر"), &["المرفأ القديم", "الخليج الأزرق", "الرأس الأبيض", "الجزيرة الخضراء"], &[
        "عدد الفنادق | 14 فندقا | 9 فنادق | 21 فندقا | 6 فنادق",
        "أطول شاطئ | 3 كيلومترات | 5 كيلومترات | 2 كيلومتر | 7 كيلومترات",
        "أشهر طبق | السمك المشوي | الأرز بالروبيان | حساء السرطان | السمك المقلي",
    ]),
    // Arabic, two and three columns glued with no separator: a definite noun glued to an
    // unknown word (المياهحفر), two indefinite unknown words glued (أسنانتاجر).
    ("ar-table-glued-two.txt", Some("المحور"), &["مازن القاضي", "لينا الشامي"], &[
        "المياه | حفر آبار جديدة | إصلاح شبكة الأنابيب القديمة",
        "الأسواق | تنظيم الباعة المتجولين | بناء سوق مسقوف",
        "الضرائب | خفض ضريبة الدخل | رفع ضريبة الشركات",
    ]),
    ("ar-table-glued-three.txt", Some("المرشح"), &["طارق السويدي", "هيفاء المصري", "عمر الحلبي"], &[
        "المهنة | مهندس بحري | طبيبة أسنان | تاجر أسماك",
        "العمر | 52 عاما | 47 عاما | 61 عاما",
        "الأولوية | توسيع المرفأ | تدريب الشباب | بناء مخزن للتبريد",
    ]),
];


fn assert_table(case: &TableCase) {
    let (name, label, headers, rows) = case;
    let t = article(name).table;
    assert_eq!(t.source, TableSource::Explicit, "{name}");
    assert_eq!(t.aspect_label.as_deref(), *label, "{name}");
    assert_eq!(t.headers, *headers, "{name}");
    let got: Vec<String> = t.rows.iter().map(|r| std::iter::once(r.aspect.as_str()).chain(r.cells.iter().map(String::as_str)).collect::<Vec<_>>().join(" | ")).collect();
    assert_eq!(got, *rows, "{name}");
}

#[test]
fn pasted_tables_as_pages_give_them() {
    for case in TABLES {
        assert_table(case);
    }
}

#[test]
fn a_header_that_names_no_actor_makes_no_actor() {
    // "Option A" is no actor: its column has no id, and no position is invented for it (the
    // one position is the prose's).
    let a = article("en-table-four-options.txt");
    assert_eq!(a.table.columns, ["", "", "", ""]);
    assert!(a.actors.iter().all(|x| !x.name.starts_with("Option")), "{:?}", a.actors);
    assert_eq!(a.positions.iter().map(|p| p.text.as_str()).collect::<Vec<_>>(), ["a cheaper plan"]);
    // Known countries keep their actors; the figures in their cells are results, not stances.
    let a = article("ar-table-countries-cut.txt");
    assert!(a.table.columns.iter().all(|c| !c.is_empty()), "{:?}", a.table.columns);
    let rows = a.table.rows.iter().map(|r| r.aspect.as_str()).collect::<Vec<_>>();
    assert!(a.positions.iter().all(|p| !rows.iter().any(|aspect| p.text.contains(aspect)) && p.text.chars().any(char::is_alphabetic)), "{:?}", a.positions);
    assert_eq!(a.positions.len(), 1, "the prose's one position: {:?}", a.positions);
}

#[test]
fn short_lines_bullets_and_datelines_are_no_table() {
    for name in ["en-no-table-lines.txt", "ar-no-table-lines.txt", "en-bullets.txt"] {
        let t = article(name).table;
        assert_eq!(t.source, TableSource::Derived, "{name}: {:?}", t.rows);
    }
}
