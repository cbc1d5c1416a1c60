using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Xunit.Abstractions;

namespace ChatRequests.Bot.Tests.Robustness;

/// <summary>
/// Property: whatever arrives at POST /api/messages (mutated Teams activities, truncated JSON, random bytes), the bot
/// answers below 500 and shows no internals, with and without Bot:AllowedTenants, in Development and Production.
/// </summary>
/// <remarks>
/// The seed is fixed so CI runs the same cases every time. To replay a failure, or to explore other cases:
/// <c>ROBUSTNESS_SEED=&lt;seed&gt; [ROBUSTNESS_CASE=&lt;case&gt;] [ROBUSTNESS_CASES=&lt;count&gt;] dotnet test --filter NeverA5xxTests</c>.
/// </remarks>
[Collection(RobustnessCollection.Name)]
public sealed partial class NeverA5xxTests(RobustnessBots bots, ITestOutputHelper output)
{
    private const int FixedSeed = 20261204;
    private const int CasesPerSetup = 250;

    [Theory]
    [MemberData(nameof(BotSetup.Each), MemberType = typeof(BotSetup))]
    public async Task MutatedAndRandomActivities_NeverGetA5xx_NorShowInternals(string environment, bool tenantsRestricted)
    {
        var bot = await bots.GetAsync(new BotSetup(environment, tenantsRestricted));
        var seed = Setting("ROBUSTNESS_SEED") ?? FixedSeed;
        var cases = Setting("ROBUSTNESS_CASE") is { } only ? [only] : Enumerable.Range(0, Setting("ROBUSTNESS_CASES") ?? CasesPerSetup);
        var failures = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var clock = Stopwatch.StartNew();

        foreach (var index in cases)
        {
            var input = ActivityFuzzer.Create(seed, index, bot.ServiceUrl);
            var (status, answer) = await PostAsync(bot, input);
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            if (status >= 500 || Internals().IsMatch(answer))
            {
                failures.Add($"case {index}: HTTP {status} for {input.Description}\n    sent:     {Clip(input.BodyText)}\n    answered: {Clip(answer)}");
            }
        }

        output.WriteLine($"{bot.Setup}: {cases.Count()} cases of seed {seed} in {clock.Elapsed.TotalSeconds:0.0} s; "
            + $"answers {string.Join(", ", statuses.Select(s => $"{s.Key} x{s.Value}"))}");
        Assert.True(failures.Count == 0,
            $"{failures.Count} of {cases.Count()} cases got a 5xx or showed internals ({bot.Setup}, seed {seed}). "
            + $"Replay one with ROBUSTNESS_SEED={seed} ROBUSTNESS_CASE=<case>.\n{string.Join("\n", failures.Take(8))}");
    }

    private static async Task<(int Status, string Answer)> PostAsync(RunningBot bot, FuzzCase input)
    {
        try
        {
            using var response = await bot.PostAsync(input.Body, input.ContentType);
            return ((int)response.StatusCode, await response.Content.ReadAsStringAsync());
        }
        catch (Exception ex) when (ex is not (OperationCanceledException or TimeoutException))
        {
            // The test server hands an exception no middleware handled to the client; Kestrel would answer 500.
            return (500, $"(unhandled {ex.GetType().Name}: {ex.Message})");
        }
    }

    private static int? Setting(string name) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) ? value : null;

    private static string Clip(string text) => text.Length <= 400 ? text : text[..400] + $"... ({text.Length} chars)";

    /// <summary>A stack frame, an exception's name, or a namespace of ours or of .NET: what the developer exception page shows.</summary>
    [GeneratedRegex(@"\bat [\w.`<>]+\.[\w<>`]+\(|\w+Exception\b|\bSystem\.[A-Z]|\bChatRequests\.(Bot|Core|Cards|Embedded|Azure)\b")]
    private static partial Regex Internals();
}
