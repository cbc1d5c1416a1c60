namespace ChatRequests.SentenceEncoding;

/// <summary>
/// Messages of the kind the bot reads, written for calibration only (none is from the evaluation sets): the fp32 model
/// runs on them once to learn how large each input channel of each weight product gets.
/// </summary>
internal static class CalibrationSentences
{
    /// <summary>The sentences as the model reads them: as they are, and as its queries too when it prefixes them.</summary>
    public static IEnumerable<string> For(SentenceModel kind) =>
        kind.QueryPrefix.Length == 0 ? All : All.Concat(All.Select(kind.AsQuery));

    public static readonly string[] All =
    [
        "hi, I need a new laptop, mine is five years old and very slow",
        "can I get access to the finance shared drive please",
        "my monitor flickers all the time, could someone replace it",
        "request a second screen for home working",
        "I forgot my password and I'm locked out of my account",
        "please install Visio on my computer",
        "we need three phones for the new starters in the warehouse on monday",
        "where is my request for a headset",
        "the printer on the second floor keeps jamming",
        "need a licence for Adobe Acrobat Pro, the free reader can't edit PDFs",
        "Could you set up a mailbox for our new team? Thanks!",
        "status of my stuff",
        "help",
        "cancel that",
        "VPN drops every ten minutes when I work from home",
        "I'd like a standing desk and an ergonomic keyboard, my back hurts",
        "new hire starting 3rd of March needs a badge, a laptop and an email address",
        "pls reset MFA on my new phone, old one was stolen",
        "is there a way to get more storage on OneDrive?",
        "the card reader at till 4 is broken again",
        "We're opening a new site in Leeds and need network points, Wi-Fi and two printers.",
        "approve the pending requests from my team",
        "my badge doesn't open the lab door any more",
        "USB-C dock for a 27 inch display",
        "could I borrow a projector for the training day next week",
        "software to read barcodes on the packing line",
        "nurse station PC won't start after the update",
        "give my manager read access to the HR folder",
        "Teams keeps crashing when I share my screen!!",
        "urgent: the shop's scanner guns all lost their connection",
        "order toner for the HP LaserJet in room 2.14",
        "a German keyboard and a mouse for the Berlin office",
    ];
}
