namespace ChatRequests.Bot.Conversations;

/// <summary>
/// Where the bot sends people for what it does not do itself (section "Intake"): a person to ask when nothing in the
/// catalog fits, and how to report an incident. Each is the organisation's words and, optionally, an https link (a
/// web page, a Teams channel link); the defaults point to the IT service desk.
/// </summary>
public sealed class IntakeContactOptions
{
    public const string SectionName = "Intake";

    /// <summary>Longer words would crowd the cards they are shown on.</summary>
    public const int MaxTextLength = 300;

    /// <summary>"Call the service desk on 1234", or a Teams channel where people answer.</summary>
    public SignpostOptions HelpDesk { get; set; } = new()
    {
        Text = "Contact the IT service desk: they help with anything the catalog does not cover.",
    };

    /// <summary>How to report something that stopped working (an incident), which is not a service request.</summary>
    public SignpostOptions IncidentReport { get; set; } = new()
    {
        Text = "Please report it to the IT service desk, who handle faults and get things working again.",
    };
}

/// <summary>Words to show, and an optional absolute https link to open.</summary>
public sealed class SignpostOptions
{
    public string? Text { get; set; }

    public string? Link { get; set; }

    /// <summary>Words of 1 to <see cref="IntakeContactOptions.MaxTextLength"/> characters, and no link or an https one.</summary>
    public bool IsValid() =>
        !string.IsNullOrWhiteSpace(Text) && Text.Length <= IntakeContactOptions.MaxTextLength && (Link is null || LinkUri is not null);

    public Uri? LinkUri =>
        Uri.TryCreate(Link, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps ? uri : null;
}
