using ChatRequests.Core.Priority;
using ChatRequests.Core.Workflow;

namespace ChatRequests.Cards;

/// <summary>
/// What the cards that guide people offer: the loaded catalog's categories, a few of its item names as examples, and
/// a person to ask.
/// </summary>
public sealed record IntakeGuide(IReadOnlyList<string> Categories, IReadOnlyList<string> Examples, Signpost AskAPerson);

/// <summary>Where the bot sends people for what it cannot do itself: the organisation's words, and an https link when there is one.</summary>
public sealed record Signpost(string Text, Uri? Link);

/// <summary>
/// What a person typed, kept for the form of whichever item they pick ("did you mean"): the words, cut at the
/// justification's maximum, and the urgency they implied.
/// </summary>
public sealed record KeptWords
{
    public KeptWords(string text, Urgency? urgency)
    {
        Text = text.Length <= RequestFormValidator.JustificationMaxLength ? text : text[..RequestFormValidator.JustificationMaxLength];
        Urgency = urgency;
    }

    public string Text { get; }

    public Urgency? Urgency { get; }
}
