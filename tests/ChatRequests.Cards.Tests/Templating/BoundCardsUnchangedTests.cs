using System.Security.Cryptography;
using System.Text;
using ChatRequests.Cards.Tests.Inert;
using ChatRequests.Cards.Tests.Support;

namespace ChatRequests.Cards.Tests.Templating;

/// <summary>
/// Every card of <see cref="PeoplesTextOnCardsTests"/>, with each kind of text people type (markdown, a link,
/// <c>{{DATE(...)}}</c>, <c>${...}</c>, a mention, emoji, right-to-left script, nothing, 2,000 characters and 10 kB), is
/// byte for byte what the binder of main at d836655 wrote (the binder that read each card's data as a
/// <c>JsonNode</c>): a change to how cards are bound shows here as the names of the cards it changed. Each card is hashed
/// as it is sent (<see cref="CardMessage.WriteTo"/>: the bytes bound, never read back as a node), so these are also the
/// bytes main sent after reading each card back as a <c>JsonObject</c> and writing that out.
/// </summary>
public class BoundCardsUnchangedTests
{
    private const string ExpectedFile = "Templating/bound-cards.sha256";

    /// <summary>Markdown, a DATE function, a binding, HTML and emoji, over and over: 10,000 characters.</summary>
    private static readonly Typed TenKilobytes = new(
        "10 kB",
        string.Concat(Enumerable.Repeat(Typed.Hostile + " <b>html</b> 👩‍💻 مرحبا ", 200))[..10_000],
        Typed.Hostile);

    [Fact]
    public void EveryCard_WithEveryKindOfTypedText_IsWhatTheJsonNodeBinderWrote()
    {
        var actual = Hashes();
        var expected = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, ExpectedFile))
            .Where(line => line.Length > 0)
            .Select(line => line.Split(' ', 2))
            .ToDictionary(parts => parts[1], parts => parts[0], StringComparer.Ordinal);

        var changed = actual.Where(a => !expected.TryGetValue(a.Key, out var hash) || hash != a.Value).Select(a => a.Key).ToList();
        var gone = expected.Keys.Where(k => !actual.ContainsKey(k)).ToList();
        if (changed.Count > 0 || gone.Count > 0)
        {
            var written = Path.Combine(Path.GetTempPath(), "bound-cards.actual.sha256");
            File.WriteAllLines(written, actual.Select(a => $"{a.Value} {a.Key}"));
            Assert.Fail(
                $"{changed.Count} cards differ or are new, {gone.Count} are gone (this run's hashes: {written}):\n"
                + string.Join("\n", changed.Concat(gone).Take(20)));
        }

        Assert.True(actual.Count > 400, $"only {actual.Count} cards were bound");
    }

    private static Dictionary<string, string> Hashes()
    {
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var typed in Typed.All.Append(TenKilobytes))
        {
            // A fresh instance per variant: building the cards moves its clock and back.
            foreach (var (name, message, _) in new PeoplesTextOnCardsTests().EveryCard(typed))
            {
                var bytes = Encoding.UTF8.GetBytes(message.ToJsonString() + "\n" + message.FallbackText);
                hashes.Add($"{typed.Name} | {name}", Convert.ToHexStringLower(SHA256.HashData(bytes)));
            }
        }

        return hashes;
    }
}
