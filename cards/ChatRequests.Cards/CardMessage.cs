using System.Text.Json.Nodes;

namespace ChatRequests.Cards;

/// <summary>A bound Adaptive Card and the plain text for clients (and notifications) that cannot show it.</summary>
public sealed record CardMessage(JsonObject Card, string FallbackText);

/// <summary>What the request form shows filled in: the requester's earlier answers, or what they typed in chat.</summary>
public sealed record FormPrefill(
    string SubmissionKey,
    string? Justification,
    string? Urgency,
    IReadOnlyDictionary<string, string> Fields);
