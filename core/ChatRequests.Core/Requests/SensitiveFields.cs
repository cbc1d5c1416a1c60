using System.Diagnostics.CodeAnalysis;
using System.Text.RegularExpressions;

namespace ChatRequests.Core.Requests;

/// <summary>
/// The one rule of who may read a request's sensitive answers (the fields its catalog item marked sensitive when it was
/// logged, <see cref="FieldLabel.Sensitive"/>): the requester; the approvers of the request so far, as
/// <see cref="RequestViewers"/> counts them (a delegate who decided, the approver they stood in for, who passed a stage
/// on); and the agent assigned now. Nobody else: not the other members of the owning team, not its lead, not a former
/// assignee, not auditors. They read <see cref="Masked"/> in place of the value, wherever it appears.
/// </summary>
public static class SensitiveFields
{
    /// <summary>What people who may not read a sensitive value see in its place.</summary>
    public const string Masked = "(masked)";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromMilliseconds(200);

    /// <param name="readerId">Who reads; null when no one in particular does (a team channel, where everyone reads): never.</param>
    public static bool MayRead(ServiceRequest request, string? readerId) =>
        readerId is not null
        && (request.IsRequester(readerId) || RequestViewers.IsApproverSoFar(request, readerId) || request.Assignee?.Id == readerId);

    /// <summary>Whether the request kept <paramref name="fieldId"/> as sensitive when it was logged.</summary>
    public static bool IsSensitive(ServiceRequest request, string fieldId) => request.FieldLabels.Any(l => l.Sensitive && l.Id == fieldId);

    /// <summary>The answer to <paramref name="fieldId"/> as <paramref name="readerId"/> reads it.</summary>
    public static string ValueFor(ServiceRequest request, string fieldId, string value, string? readerId) =>
        IsSensitive(request, fieldId) && !MayRead(request, readerId) ? Masked : value;

    /// <summary>What the requester changed, as <paramref name="readerId"/> reads it ("Folder path: (masked)").</summary>
    public static string SummaryFor(ServiceRequest request, RequestEdit edit, string? readerId) =>
        MayRead(request, readerId) ? edit.Summary : edit.MaskedSummary;

    /// <summary>
    /// Any text of the request (a history line, a note someone typed) as <paramref name="readerId"/> reads it: every
    /// sensitive value the request holds or held (before the requester changed it) replaced by <see cref="Masked"/>.
    /// </summary>
    [return: NotNullIfNotNull(nameof(text))]
    public static string? MaskText(ServiceRequest request, string? readerId, string? text)
    {
        if (string.IsNullOrEmpty(text) || MayRead(request, readerId))
        {
            return text;
        }

        // Longest first, so a value that contains another is masked whole.
        foreach (var value in SensitiveValues(request).OrderByDescending(v => v.Length))
        {
            text = Regex.Replace(text, Whole(value), Masked, RegexOptions.None, MatchTimeout);
        }

        return text;
    }

    private static IEnumerable<string> SensitiveValues(ServiceRequest request) =>
        request.Fields.Where(f => IsSensitive(request, f.Key)).Select(f => f.Value)
            .Concat(request.Edits.SelectMany(e => e.Changes).Where(c => c.Sensitive).SelectMany(c => new[] { c.From, c.To }).OfType<string>())
            .Where(v => !string.IsNullOrWhiteSpace(v))
            .Distinct(StringComparer.Ordinal);

    // "E123456" is masked as a word, not inside "E1234567"; a value that starts or ends with a symbol is matched as it is.
    private static string Whole(string value) =>
        $"{(char.IsLetterOrDigit(value[0]) ? @"(?<![\p{L}\p{N}])" : "")}{Regex.Escape(value)}{(char.IsLetterOrDigit(value[^1]) ? @"(?![\p{L}\p{N}])" : "")}";
}
