using ChatRequests.Bot.Tests.Hosting;
using ChatRequests.Core.Catalog;
using ChatRequests.Core.Priority;
using ChatRequests.Core.Understanding;
using ChatRequests.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChatRequests.Bot.Tests.Intake;

/// <summary>
/// The bot on a catalog and organisation that are not the samples (a hospital ward: Intake/Ward/), with an interpreter
/// that gives the meanings the test names for given words and reads everything else with the default one: the bot's
/// answer to each kind of meaning is the subject here, not how words are understood.
/// </summary>
public static class WardBot
{
    public static readonly Persona Nia = new("00000000-0000-0000-0000-00000000b001", "Nia Okafor");     // staff nurse
    public static readonly Persona Omar = new("00000000-0000-0000-0000-00000000b003", "Omar Haddad");   // Clinical IT agent

    public const string HelpDeskText = "Call the IT service desk on extension 4444.";
    public const string HelpDeskLink = "https://teams.microsoft.com/l/channel/19%3Ait-help%40thread.tacv2/IT%20Help";
    public const string IncidentText = "Report it on the service portal, or call extension 4444 if patient care is affected.";
    public const string IncidentLink = "https://servicedesk.ward.example/incidents/new";

    public static Task<BotApp> StartAsync(IReadOnlyDictionary<string, Func<ICatalog, Meaning>> script, bool configured = true)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Catalog:Path"] = File("catalog.json"),
            ["Directory:Path"] = File("organisation.json"),
        };
        if (configured)
        {
            settings["Intake:HelpDesk:Text"] = HelpDeskText;
            settings["Intake:HelpDesk:Link"] = HelpDeskLink;
            settings["Intake:IncidentReport:Text"] = IncidentText;
            settings["Intake:IncidentReport:Link"] = IncidentLink;
        }

        return BotApp.StartAsync(settings, services => services.AddSingleton<IMessageInterpreter>(
            provider => new ScriptedInterpreter(provider.GetRequiredService<ICatalog>(), script)));
    }

    public static string File(string name) => Path.Combine(RepositoryPaths.Root, "tests", "ChatRequests.Bot.Tests", "Intake", "Ward", name);

    public static Meaning Choice(ICatalog catalog, Urgency? urgency, params (string ItemId, Dictionary<string, string> Slots)[] items) => new()
    {
        Kind = MeaningKind.Choice,
        Items = [.. items.Select(i => new ItemMatch(catalog.Find(i.ItemId)!, 1, i.Slots))],
        UrgencyHint = urgency,
    };

    public static Meaning One(MeaningKind kind, ICatalog catalog, string itemId, Dictionary<string, string>? slots = null) => new()
    {
        Kind = kind,
        Items = [new ItemMatch(catalog.Find(itemId)!, 1, slots ?? [])],
    };

    /// <summary>The meanings a test scripts for exact words; the default interpreter for anything else (commands, numbers).</summary>
    private sealed class ScriptedInterpreter(ICatalog catalog, IReadOnlyDictionary<string, Func<ICatalog, Meaning>> script) : IMessageInterpreter
    {
        private readonly LexicalInterpreter _default = new(catalog);

        public ValueTask<Meaning> InterpretAsync(string text, CancellationToken cancellationToken = default) =>
            script.TryGetValue(text, out var meaning) ? ValueTask.FromResult(meaning(catalog)) : _default.InterpretAsync(text, cancellationToken);
    }
}
