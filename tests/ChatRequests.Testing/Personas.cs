namespace ChatRequests.Testing;

/// <summary>People of samples/organisation.json the tests act as.</summary>
public sealed record Persona(string AadObjectId, string Name)
{
    /// <summary>The Teams channel account id Teams would send for this user.</summary>
    public string TeamsId => $"29:{AadObjectId}";

    /// <summary>The id of the personal chat this user opens with the bot.</summary>
    public string PersonalChatId => PersonalChatIdOf(AadObjectId);

    /// <summary>The id of the personal chat of the user with this Entra object id and the bot (one per user, as in Teams).</summary>
    public static string PersonalChatIdOf(string aadObjectId) => $"a:chat-{aadObjectId}";

    public static readonly Persona Megan = new("00000000-0000-0000-0000-0000000000a1", "Megan Bowen");          // employee
    public static readonly Persona Alex = new("00000000-0000-0000-0000-0000000000a2", "Alex Wilber");           // Megan's manager
    public static readonly Persona Miriam = new("00000000-0000-0000-0000-0000000000c2", "Miriam Graham");       // Alex's manager
    public static readonly Persona Adele = new("00000000-0000-0000-0000-0000000000a3", "Adele Vance");          // Hardware agent
    public static readonly Persona Lidia = new("00000000-0000-0000-0000-0000000000f1", "Lidia Holloway");       // Hardware agent
    public static readonly Persona Christie = new("00000000-0000-0000-0000-0000000000f4", "Christie Cline");     // Identity agent
    public static readonly Persona Diego = new("00000000-0000-0000-0000-0000000000e1", "Diego Siciliani");      // employee, Alex's report
    public static readonly Persona Grady = new("00000000-0000-0000-0000-0000000000d2", "Grady Archie");        // Hardware team lead
    public static readonly Persona Stranger = new("99999999-0000-0000-0000-000000000099", "Sam Stranger");      // not in the directory

    public const string HardwareChannel = "19:hardware-service@thread.tacv2";
    public const string IdentityChannel = "19:identity-access@thread.tacv2";
}
