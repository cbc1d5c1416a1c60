namespace ChatRequests.Core.Understanding;

/// <summary>
/// Language knowledge that holds for any catalog: words that carry no meaning, British and American spellings,
/// and the common IT words that name the same thing. Nothing here names one organisation's items.
/// </summary>
internal static class Lexicon
{
    /// <summary>Words that say nothing about what is wanted (compared after spelling and stemming).</summary>
    public static readonly HashSet<string> StopWords =
    [
        "i", "im", "ive", "id", "me", "my", "mine", "myself", "we", "our", "us", "you", "your", "he", "she", "they",
        "them", "their", "his", "her", "a", "an", "the", "to", "for", "of", "on", "in", "at", "by", "with", "from",
        "into", "about", "as", "and", "or", "but", "if", "so", "just", "also", "too", "very", "really", "some", "any",
        "one", "another", "is", "am", "are", "was", "were", "be", "been", "being", "it", "its", "itll", "this", "that",
        "these", "those", "there", "here", "have", "has", "had", "do", "does", "did", "dont", "doesnt", "didnt",
        "cant", "cannot", "wont", "isnt", "not", "no", "need", "new", "please", "pls", "plz", "can", "could", "would",
        "will", "should", "shall", "may", "might", "must", "get", "got", "want", "like", "request", "order", "give",
        "help", "hi", "hello", "hey", "thank", "thanks", "thx", "how", "what", "where", "when", "which", "who", "why",
        "up", "out", "again", "still", "now", "soon", "urgent", "urgently", "asap", "today", "tomorrow", "immediately",
        "blocked", "rush", "hurry", "whenever", "possible", "priority", "critical", "emergency", "ok", "okay", "yes",
        "yeah", "hiya", "team", "guy", "all", "someone", "something", "anything", "thing", "stuff", "sort", "kind",
        "bit", "lot", "much", "many", "more", "than", "then", "because", "since", "while", "after", "before", "only",
        "even", "ever", "already", "yet", "let", "know", "think", "wonder", "wondering", "able", "sure", "maybe",
        "perhaps", "currently", "other", "same", "own", "each", "every", "both", "few", "most", "such", "well", "etc",
        "cheers", "mate", "guys", "folks", "kindly", "require", "wish", "hoping", "hope", "ask", "asking", "until",
        "over", "across", "during", "via", "without", "within", "around",
    ];

    /// <summary>British spellings to American ones, so either spelling in the words or the catalog meets the other.</summary>
    public static readonly Dictionary<string, string> Spellings = new(StringComparer.Ordinal)
    {
        ["licence"] = "license", ["licences"] = "licenses", ["licenced"] = "licensed", ["colour"] = "color",
        ["colours"] = "colors", ["centre"] = "center", ["centres"] = "centers", ["catalogue"] = "catalog",
        ["programme"] = "program", ["programmes"] = "programs", ["grey"] = "gray", ["behaviour"] = "behavior",
        ["favourite"] = "favorite", ["cheque"] = "check", ["defence"] = "defense", ["practise"] = "practice",
        ["enrol"] = "enroll", ["enrolment"] = "enrollment", ["fulfil"] = "fulfill", ["fulfilment"] = "fulfillment",
        ["cancelled"] = "canceled", ["cancelling"] = "canceling", ["travelling"] = "traveling", ["labelled"] = "labeled",
        ["modelling"] = "modeling", ["storey"] = "story", ["aluminium"] = "aluminum", ["metre"] = "meter",
        ["metres"] = "meters", ["litre"] = "liter", ["theatre"] = "theater", ["mum"] = "mom", ["tyre"] = "tire",
        ["analyse"] = "analyze", ["judgement"] = "judgment", ["dialogue"] = "dialog", ["mobil"] = "mobile",
        ["offence"] = "offense", ["jewellery"] = "jewelry", ["paediatric"] = "pediatric", ["paediatrics"] = "pediatrics",
        ["anaesthetic"] = "anesthetic", ["anaesthesia"] = "anesthesia", ["haematology"] = "hematology",
        ["oesophagus"] = "esophagus", ["orthopaedic"] = "orthopedic", ["orthopaedics"] = "orthopedics",
        ["gynaecology"] = "gynecology", ["mice"] = "mouse", ["broke"] = "broken",
        // Short forms people type, spelt out.
        ["admin"] = "administrator", ["admins"] = "administrator", ["mic"] = "microphone", ["mics"] = "microphone",
        ["uni"] = "university", ["info"] = "information", ["docs"] = "documents", ["temp"] = "temporary",
        ["config"] = "configuration", ["pw"] = "password", ["pwd"] = "password", ["acct"] = "account",
        ["specs"] = "specification", ["dept"] = "department", ["pic"] = "picture", ["pics"] = "pictures",
        // Everyday British and American pairs of any workplace (N21, ADR 0066), and their plurals, which stemming alone
        // does not bring to the other spelling.
        ["tyres"] = "tires", ["litres"] = "liters", ["theatres"] = "theaters", ["cheques"] = "checks", ["storeys"] = "stories",
        ["lorry"] = "truck", ["lorries"] = "trucks", ["torch"] = "flashlight", ["torches"] = "flashlights",
        ["organise"] = "organize", ["organised"] = "organized", ["organising"] = "organizing", ["organisation"] = "organization",
        ["organisations"] = "organizations", ["organiser"] = "organizer", ["authorise"] = "authorize", ["authorised"] = "authorized",
        ["authorisation"] = "authorization", ["authorisations"] = "authorizations", ["customise"] = "customize",
        ["customised"] = "customized", ["optimise"] = "optimize", ["optimiser"] = "optimizer", ["prioritise"] = "prioritize",
        ["synchronise"] = "synchronize", ["synchronised"] = "synchronized", ["sanitiser"] = "sanitizer", ["sanitisers"] = "sanitizers",
        ["enquiry"] = "inquiry", ["enquiries"] = "inquiries", ["enquire"] = "inquire", ["labour"] = "labor", ["harbour"] = "harbor",
        ["harbours"] = "harbors", ["neighbour"] = "neighbor", ["neighbours"] = "neighbors", ["fibre"] = "fiber", ["fibres"] = "fibers",
        ["kilometre"] = "kilometer", ["kilometres"] = "kilometers", ["centimetre"] = "centimeter", ["millimetre"] = "millimeter",
        ["analogue"] = "analog", ["catalogues"] = "catalogs", ["dialogues"] = "dialogs", ["programmed"] = "programed",
        ["ageing"] = "aging", ["acknowledgement"] = "acknowledgment", ["instalment"] = "installment", ["instal"] = "install",
        ["labelling"] = "labeling", ["travelled"] = "traveled", ["traveller"] = "traveler", ["travellers"] = "travelers",
        ["dialled"] = "dialed", ["dialling"] = "dialing", ["fuelled"] = "fueled", ["fuelling"] = "fueling", ["signalling"] = "signaling",
        ["counsellor"] = "counselor", ["counsellors"] = "counselors", ["mould"] = "mold", ["draught"] = "draft", ["kerb"] = "curb",
        ["telly"] = "tv", ["tellies"] = "tv",
        ["television"] = "tv", ["televisions"] = "tv", ["tvs"] = "tv", ["privilege"] = "right", ["privileges"] = "rights",
        // Short forms of any trade.
        ["ext"] = "extension", ["lappy"] = "laptop", ["lappie"] = "laptop", ["flt"] = "forklift", ["appt"] = "appointment",
        ["appts"] = "appointments", ["mgr"] = "manager", ["mgmt"] = "management", ["tix"] = "tickets", ["walkies"] = "walkie",
        ["stickers"] = "labels", ["sticker"] = "label",
    };

    /// <summary>
    /// Word sequences said in several ways, made one word before anything else ("docking station" is "dock",
    /// "log in" is "login"). Compared on lower-case words, before stemming.
    /// </summary>
    public static readonly (string[] Words, string As)[] Phrases =
    [
        (["docking", "station"], "dock"), (["docking", "stations"], "dock"), (["port", "replicator"], "dock"),
        (["log", "in"], "login"), (["log", "on"], "login"), (["logon"], "login"), (["sign", "in"], "login"),
        (["signin"], "login"), (["sign", "ins"], "login"), (["signins"], "login"), (["log", "ins"], "login"), (["logins"], "login"), (["sign", "on"], "login"), (["logging", "in"], "login"), (["signing", "in"], "login"),
        (["wi", "fi"], "wifi"), (["e", "mail"], "email"), (["e", "mails"], "email"),
        (["cell", "phone"], "phone"), (["cellphone"], "phone"), (["cellphones"], "phone"), (["mobile", "phone"], "phone"), (["smart", "phone"], "phone"),
        (["two", "factor"], "mfa"), (["2", "factor"], "mfa"), (["multi", "factor"], "mfa"), (["2fa"], "mfa"),
        (["id", "card"], "badge"), (["id", "badge"], "badge"), (["access", "card"], "badge"),
        (["power", "adapter"], "charger"), (["power", "supply"], "charger"), (["power", "brick"], "charger"),
        (["user", "name"], "username"), (["pass", "word"], "password"), (["head", "set"], "headset"),
        (["lap", "top"], "laptop"), (["note", "book"], "notebook"), (["web", "cam"], "webcam"),
        (["set", "up"], "setup"), (["never", "mind"], "nevermind"), (["no", "longer"], "nolonger"),
        (["hard", "drive"], "disk"), (["hard", "disk"], "disk"),
        // Everyday words of any workplace (N21, ADR 0066).
        (["walkie", "talkie"], "walkie"), (["walkie", "talkies"], "walkie"), (["walky", "talky"], "walkie"),
        (["point", "of", "sale"], "pos"), (["cash", "register"], "till"), (["cash", "registers"], "till"),
        (["fork", "lift"], "forklift"), (["fork", "lifts"], "forklift"), (["touch", "screen"], "touchscreen"), (["scan", "gun"], "scanner"),
        (["scanner", "gun"], "scanner"), (["hot", "desk"], "hotdesk"),
        (["hot", "desks"], "hotdesk"), (["car", "park"], "carpark"), (["car", "parks"], "carpark"), (["parking", "lot"], "carpark"),
        (["parking", "space"], "carpark"), (["parking", "spaces"], "carpark"),
    ];

    /// <summary>
    /// Common IT words that name the same thing. Each group's first word is its canonical form; the words are
    /// stems (after <see cref="Spellings"/>, <see cref="Phrases"/> and stemming).
    /// </summary>
    public static readonly string[][] SynonymGroups =
    [
        ["monitor", "screen", "display"],
        ["dock", "hub"],
        ["access", "permission", "entitlement"],
        ["headset", "headphone", "earphone", "earbud", "earpiece"],
        ["phone", "mobile", "cell", "smartphone", "handset", "cellphone"],
        ["password", "credential", "passcode", "passphrase"],
        ["laptop", "notebook"],
        ["computer", "pc", "desktop"],
        ["license", "seat", "subscription"],
        ["software", "program", "application", "app", "tool"],
        ["install", "setup", "deploy"],
        ["login", "logon"],
        ["email", "mail"],
        ["mailbox", "inbox"],
        ["folder", "directory"],
        ["share", "drive", "fileshare"],
        ["charger", "adapter"],
        ["cable", "cord"],
        ["badge", "fob", "keycard"],
        ["webcam", "camera", "cam"],
        ["projector", "beamer"],
        ["tablet", "ipad"],
        ["printer", "mfd", "copier"],
        ["mfa", "authenticator", "otp", "token"],
        ["wifi", "wireless", "wlan"],
        ["account", "username"],
        ["pager", "bleep", "beeper", "bleeper"],
        ["disk", "storage", "ssd"],
        ["keyboard", "keypad"],
        ["mouse", "trackpad", "trackball"],
        ["replacement", "replace", "spare"],
        ["big", "large", "bigger", "larger"],
        ["meeting", "conference"],
        ["reset", "unlock"],
        ["onboarding", "starter", "joiner"],
        ["leaver", "offboarding"],
        // Everyday things and asks of any workplace (N21, ADR 0066): each joins words that name one thing in every
        // sample catalog (LexiconGroupsTests).
        ["tv", "telly", "television"],
        ["label", "sticker"],
        ["loan", "borrow"],
        ["repair", "fix", "mend"],
        ["move", "relocate", "relocation"],
        ["holiday", "vacation"],
        ["hotspot", "mifi"],
        ["handheld", "pda"],
        ["humidity", "damp", "moisture"],
        ["fuel", "petrol", "diesel"],
    ];

    /// <summary>Words that say what is done or of what kind, not which thing (stems).</summary>
    public static readonly HashSet<string> GenericTerms =
    [
        .. new[]
        {
        "install", "account", "software", "app", "application", "program", "tool", "system", "support", "service",
        "setup", "change", "add", "remove", "reset", "right", "create", "update", "upgrade", "use", "user",
        "replacement", "replace", "spare", "big", "large", "small", "extra", "second", "other", "login", "license",
        }.Select(Tokens.Term),
    ];

    // Heads that do not make another thing of what they follow ("email address", "laptop please").
    private static readonly HashSet<string> VagueWords =
    [
        "address", "number", "name", "setup", "kit", "device", "system", "model", "version", "type", "issue", "problem",
        "question", "details", "information", "info", "access", "account", "asap", "today", "tomorrow", "thanks", "pls",
        "put", "say", "says", "said", "go", "goes", "went", "come", "came", "make", "made", "take", "took", "send", "sent",
        "until", "soon", "again", "now", "ok", "okay", "back", "anymore", "finally", "also", "too", "though",
        "broke", "broken", "lost", "stolen", "died", "dead", "cracked", "smashed", "missing", "snapped", "gone", "thx",
        "time", "quota", "allowance", "amount", "enough", "see", "look", "watch", "try", "keep", "able", "allowed",
        // Verbs whose shape does not say so ("kept for 5 years" is no "kept" thing).
        "kept", "held", "left", "bought", "built", "done", "given", "taken", "shown", "seen", "told", "found", "paid",
        "brought", "gotten", "lent", "spent", "run", "ran", "set", "used",
    ];

    /// <summary>Adjectives that say how good, big or new a thing is, not what kind of thing ("a decent laptop" is a laptop).</summary>
    public static readonly HashSet<string> QualityWords =
    [
        "good", "better", "best", "decent", "proper", "nice", "cheap", "cheaper", "fast", "faster", "quick", "quicker",
        "slow", "small", "smaller", "little", "tiny", "big", "bigger", "large", "larger", "huge", "basic", "simple",
        "modern", "reliable", "powerful", "beefy", "light", "lighter", "lightweight", "portable", "spare", "extra",
        "first", "second", "third", "additional", "replacement", "working", "quiet", "loud", "old", "older", "latest", "newer",
        "newest", "fancy", "premium", "standard", "normal", "regular", "usual", "different", "temporary", "permanent",
        "own", "personal", "shared", "whole", "full", "urgent", "same", "current", "existing", "work", "company", "business",
        // How it connects or is built: "a wireless keyboard" is a keyboard.
        "wireless", "cordless", "wired", "bluetooth", "usb", "ergonomic", "mechanical", "rechargeable", "compact", "rugged",
    ];

    /// <summary>Makers of IT equipment and software: a maker before a thing says whose make, not another kind ("a Dell monitor").</summary>
    public static readonly HashSet<string> Makers =
    [
        "dell", "hp", "lenovo", "apple", "logitech", "microsoft", "samsung", "asus", "acer", "jabra", "plantronics", "poly",
        "bose", "sony", "cisco", "yealink", "google", "canon", "epson", "brother", "zebra", "honeywell", "philips", "lg",
        "benq", "eizo", "viewsonic", "razer", "anker", "belkin", "kensington", "targus", "sennheiser", "motorola", "nokia",
        "huawei", "xiaomi", "oneplus", "fujitsu", "toshiba", "panasonic", "ricoh", "xerox", "kyocera", "lexmark", "adobe",
        "oracle", "ibm", "intel", "amd", "nvidia", "synology", "netgear", "ubiquiti", "avaya", "polycom", "surface",
        // Industrial makers, and the platforms a thing is for ("a Windows password", "a Linux laptop").
        "siemens", "abb", "schneider", "rockwell", "bosch", "omron", "mitsubishi", "beckhoff", "fanuc", "kuka", "emerson",
        "yokogawa", "hitachi", "windows", "mac", "macos", "linux", "ubuntu", "android", "ios", "chromebook",
    ];

    /// <summary>Whether a word may be a thing in itself (a noun), as far as its shape tells: not "finally", "sealed", "dropping".</summary>
    public static bool IsThingWord(string word) =>
        word.Length > 2 && !VagueWords.Contains(word) && !StopWords.Contains(word)
        && !word.EndsWith("ly", StringComparison.Ordinal) && !word.EndsWith("ed", StringComparison.Ordinal)
        && !word.EndsWith("ing", StringComparison.Ordinal);

    /// <summary>Number words, so "two monitors" reads as 2.</summary>
    public static readonly Dictionary<string, int> Numbers = new(StringComparer.Ordinal)
    {
        ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5, ["six"] = 6, ["seven"] = 7,
        ["eight"] = 8, ["nine"] = 9, ["ten"] = 10, ["eleven"] = 11, ["twelve"] = 12, ["fifteen"] = 15,
        ["twenty"] = 20, ["thirty"] = 30, ["fifty"] = 50, ["hundred"] = 100, ["couple"] = 2, ["pair"] = 2,
    };

    /// <summary>Units written in several ways, made one word ("27in", "27\"", "27 inches" are "27 inch").</summary>
    public static readonly Dictionary<string, string> Units = new(StringComparer.Ordinal)
    {
        ["in"] = "inch", ["inches"] = "inch", ["inch"] = "inch", ["\""] = "inch", ["gig"] = "gb", ["gigs"] = "gb",
        ["gigabyte"] = "gb", ["gigabytes"] = "gb", ["terabyte"] = "tb", ["terabytes"] = "tb", ["tera"] = "tb",
        ["months"] = "month", ["mo"] = "month", ["mths"] = "month", ["yr"] = "year", ["yrs"] = "year", ["years"] = "year",
        ["hrs"] = "hour", ["hours"] = "hour", ["hr"] = "hour", ["mins"] = "minute", ["minutes"] = "minute",
    };

    private static readonly Lazy<Dictionary<string, string[]>> SynonymTable = new(() =>
    {
        var table = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var group in SynonymGroups)
        {
            var terms = group.Select(Tokens.Term).Distinct().ToArray();
            foreach (var term in terms)
            {
                table[term] = [.. table.GetValueOrDefault(term, []).Concat(terms.Where(t => t != term)).Distinct()];
            }
        }

        return table;
    });

    // Everyday words of requests and commands that are no typo of a catalog word ("pending" is not "lending").
    private static readonly string[] CommonWords =
    [
        "pending", "status", "approve", "approval", "cancel", "queue", "ticket", "update", "progress", "waiting", "office",
        "printer", "pointer", "desk", "chair", "room", "building", "floor", "home", "broken", "missing", "working", "person",
        "people", "colleague", "manager", "student", "staff", "later", "today", "week", "month", "year", "time", "number",
        "self", "sell", "seller", "shop", "store", "paper", "refill", "supply", "stick",
    ];

    /// <summary>
    /// Words that start a time or a clause, after "till": then "till" is "until", not the shop's cash register ("till
    /// Monday", "till it's back", "till mine is fixed" against "till 3 is down", "my till login").
    /// </summary>
    public static readonly HashSet<string> TimeWords =
    [
        "it", "its", "i", "im", "we", "you", "they", "he", "she", "mine", "yours", "ours", "theirs", "someone", "somebody", "then", "next", "end", "further", "after", "late", "later",
        "midnight", "noon", "now", "tomorrow", "tonight", "today", "morning", "afternoon", "evening", "lunch", "lunchtime",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu",
        "thur", "thurs", "fri", "sat", "sun", "weekend", "january", "february", "march", "april", "june", "july", "august",
        "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept",
        "oct", "nov", "dec", "christmas", "xmas", "easter", "summer", "winter", "spring", "autumn", "close", "closing",
        "am", "pm", "oclock",
    ];

    /// <summary>
    /// What is made for a device and named after it ("a tablet stand", "laptop bag", "phone charger"): a thing for the
    /// device, not the device (ADR 0054).
    /// </summary>
    public static readonly HashSet<string> Accessories =
    [
        .. new[]
        {
            "stand", "stands", "holder", "holders", "bag", "bags", "case", "cases", "cover", "covers", "sleeve", "sleeves",
            "mount", "mounts", "bracket", "brackets", "strap", "straps", "pouch", "pouches", "protector", "protectors",
            "charger", "chargers", "cable", "cables", "adapter", "adapters", "adaptor", "adaptors", "trolley", "cart",
            "riser", "tray", "harness", "clip", "lanyard", "skin",
        }.Select(Tokens.Term),
    ];

    /// <summary>
    /// Stuff a device uses up ("paper rolls", "toner", "a refill"): asked for, it is the supply, not the device that uses
    /// it, unless the item is the supply itself.
    /// </summary>
    public static readonly HashSet<string> Consumables =
    [
        .. new[] { "refill", "refills", "paper", "roll", "rolls", "ink", "toner", "cartridge", "cartridges", "ribbon", "ribbons", "staples", "supplies", "consumables" }.Select(Tokens.Term),
    ];

    private static readonly Lazy<HashSet<string>> KnownTerms = new(() =>
        [.. SynonymGroups.SelectMany(g => g).Concat(GenericTerms).Concat(CommonWords).Select(Tokens.Term)]);

    /// <summary>Whether the lexicon knows the term as a word of its own (so it is no typo).</summary>
    public static bool IsKnownTerm(string term) => KnownTerms.Value.Contains(term);

    /// <summary>The other terms that name the same thing as <paramref name="term"/> (a stem).</summary>
    public static string[] SynonymsOf(string term) => SynonymTable.Value.GetValueOrDefault(term, []);
}
