using System.Collections.Concurrent;
using ChatRequests.Core.Catalog;

namespace ChatRequests.Bot.Conversations;

/// <summary>A request form the bot sent and that was not submitted: its message, to close it, and its item.</summary>
public sealed record OpenForm(string ActivityId, string ItemId, string ItemName);

/// <summary>
/// The form the bot last sent in each conversation and that was not submitted yet, so that "cancel" closes it.
/// </summary>
/// <remarks>
/// Kept in this instance's memory only: after a restart, or when another instance answers, "cancel" asks which request
/// instead, as it does without a form. A form is only ever a convenience to close, never needed to log a request.
/// </remarks>
public sealed class OpenForms
{
    /// <summary>Conversations kept at most; when full, the memory starts again empty.</summary>
    public const int Capacity = 10_000;

    private readonly ConcurrentDictionary<string, OpenForm> _open = new(StringComparer.Ordinal);

    /// <summary>The form in <paramref name="activityId"/> is now the conversation's open one (the last sent).</summary>
    public void Remember(string conversationId, string? activityId, CatalogItem item)
    {
        if (string.IsNullOrWhiteSpace(activityId))
        {
            return;
        }

        if (_open.Count >= Capacity)
        {
            _open.Clear();
        }

        _open[conversationId] = new OpenForm(activityId, item.Id, item.Name);
    }

    /// <summary>The conversation's open form, which is no longer open once taken.</summary>
    public OpenForm? Take(string conversationId) => _open.TryRemove(conversationId, out var form) ? form : null;

    /// <summary>
    /// The form was submitted: it is not open any more. The click names the form's message when the client says which
    /// (Teams does); otherwise the item tells.
    /// </summary>
    public void Submitted(string conversationId, string? activityId, string itemId)
    {
        if (_open.TryGetValue(conversationId, out var form)
            && (activityId is not null ? form.ActivityId == activityId : form.ItemId == itemId))
        {
            _open.TryRemove(new KeyValuePair<string, OpenForm>(conversationId, form));
        }
    }
}
