using ChatRequests.Core.Requests;

namespace ChatRequests.Cards;

/// <summary>
/// One row of a fact list as the templates draw it (a label column and a value column, both TextRuns): FactSets
/// read their titles and values as markdown, so the cards have none.
/// </summary>
/// <param name="At">A moment shown after <paramref name="Text"/> in the viewer's own time zone (<see cref="CardText.Instant"/>).</param>
/// <param name="After">Text shown after the moment.</param>
internal sealed record Fact(string Label, string Text, string? At = null, string? After = null)
{
    /// <summary>A row whose value is a moment: "Approved by you at " + the time, or the time alone.</summary>
    public static Fact Moment(string label, DateTimeOffset at, string before = "", string? after = null) =>
        new(label, before, CardText.Instant(at), after);

    /// <summary>The "Next" row: what happens next, its moment (when the approval is due) in the viewer's time zone.</summary>
    public static Fact Next(NextStepText next) =>
        next.At is { } at ? Moment("Next", at, next.Text, next.After) : new("Next", next.Text);
}
