using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using ChatRequests.Cards.Templating;

namespace ChatRequests.Cards;

/// <summary>
/// A card whose inputs are gathered (its template, its data as JSON, its refresh) but not yet bound. The same inputs
/// always bind to the same card, so <see cref="Fingerprint"/> tells a sender whether a message already shows this card
/// before anything is bound: an update that would change nothing is skipped without building it.
/// </summary>
public sealed class PreparedCard
{
    private readonly CardTemplate? _template;
    private readonly byte[]? _document;
    private readonly JsonObject? _refresh;
    private readonly CardMessage? _built;

    internal PreparedCard(string templateName, CardTemplate template, byte[] document, string fallbackText, JsonObject? refresh)
    {
        (_template, _document, _refresh, FallbackText) = (template, document, refresh, fallbackText);
        Fingerprint = FingerprintOf(templateName, document, refresh);
    }

    private PreparedCard(CardMessage built) => (_built, FallbackText) = (built, built.FallbackText);

    /// <summary>A card already bound, sent as it is: no fingerprint, so it is always built.</summary>
    public static PreparedCard Of(CardMessage built) => new(built);

    public string FallbackText { get; }

    /// <summary>A SHA-256 of the inputs; null for a card <see cref="Of">already bound</see>.</summary>
    public CardFingerprint? Fingerprint { get; }

    /// <summary>Binds the card, a new object each time (the caller may change it); a card already bound is handed back as it is.</summary>
    public CardMessage Build()
    {
        if (_built is not null)
        {
            return _built;
        }

        return new CardMessage(CardData.Bind(_template!, _document, _refresh), FallbackText);
    }

    private static CardFingerprint FingerprintOf(string templateName, byte[] document, JsonObject? refresh)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        sha.AppendData(Encoding.UTF8.GetBytes(templateName));
        sha.AppendData([0]);
        sha.AppendData(document);
        sha.AppendData([0]);
        if (refresh is not null)
        {
            sha.AppendData(Encoding.UTF8.GetBytes(refresh.ToJsonString()));
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        sha.GetHashAndReset(hash);
        return new CardFingerprint(MemoryMarshal.Read<UInt128>(hash), MemoryMarshal.Read<UInt128>(hash[16..]));
    }
}

/// <summary>A SHA-256 of a card's inputs (<see cref="PreparedCard.Fingerprint"/>), as a value.</summary>
public readonly record struct CardFingerprint(UInt128 First, UInt128 Second);
