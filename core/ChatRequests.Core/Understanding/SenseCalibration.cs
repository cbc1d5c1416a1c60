namespace ChatRequests.Core.Understanding;

/// <summary>
/// How close a message read by the sentence encoder is to the nearest command exemplar (and which command), to the
/// nearest fault exemplar, to the nearest catalog item and to the nearest ask no catalog provides (<see cref="NoneExemplars"/>, ADR 0050).
/// </summary>
internal sealed record Senses(ChatCommand Command, float CommandCosine, float FaultCosine, float ItemCosine, float NoneCosine = float.MinValue);

/// <summary>What a message's senses make of it: nothing (the match decision stands), a command, or a fault report.</summary>
internal enum SenseKind { None, Command, Fault }

/// <summary>
/// When a message the words left open is a command or a fault by its meaning (ADR 0045): its nearest command
/// exemplar (<see cref="CommandExemplars"/>) at least <paramref name="CommandFrom"/> and ahead of its nearest item by
/// <paramref name="CommandLead"/>; likewise a fault, ahead of the nearest item and of the nearest command. Fitted on
/// the tuning part, leave-one-catalog-out, by <c>dotnet run -c Release --project eval/ChatRequests.IntakeEvaluation -- --fit-senses</c>.
/// And when it asks for something no catalog provides (ADR 0050): its nearest "none" exemplar (<see cref="NoneExemplars"/>)
/// ahead of its nearest item by at least <paramref name="NoneLead"/>; then the decision's form is only a question.
/// </summary>
internal sealed record SenseCalibration(float CommandFrom, float CommandLead, float FaultFrom, float FaultLead, float NoneLead = 2)
{
    /// <summary>Nothing is read by meaning: the decision of ADR 0041 alone.</summary>
    public static SenseCalibration Off { get; } = new(2, 2, 2, 2);

    /// <summary>
    /// Fitted on every catalog of the tuning part (2,414 sentences, 2026-12-06): by meaning alone 226 of its 317 commands
    /// (ShowRequest's 44 need their number, which the words read) and 30 of its 281 faults, with 18 of its 1,816 item and
    /// "none" sentences taken; in the bot's decision no figure changes on the tuning part (its words already read them).
    /// The "none" lead is not fitted: a message nearer to an ask no catalog provides than to its best item (ADR 0050).
    /// </summary>
    public static SenseCalibration Fitted { get; } = new(0.48f, -0.18f, 0.72f, 0.18f, 0f);

    public SenseKind Decide(Senses senses)
    {
        if (senses.CommandCosine >= CommandFrom && senses.CommandCosine - senses.ItemCosine >= CommandLead)
        {
            return SenseKind.Command;
        }

        return senses.FaultCosine >= FaultFrom && senses.FaultCosine - Math.Max(senses.ItemCosine, senses.CommandCosine) >= FaultLead
            ? SenseKind.Fault
            : SenseKind.None;
    }

    /// <summary>Whether the message is nearer to an ask no catalog provides than to its best item, by the lead (ADR 0050).</summary>
    public bool AsksForNoItem(Senses senses) => senses.NoneCosine - senses.ItemCosine >= NoneLead;
}
