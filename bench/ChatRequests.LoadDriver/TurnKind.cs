namespace ChatRequests.LoadDriver;

/// <summary>A kind of turn the driver measures, and whether Teams sends it as a message or an invoke (a click).</summary>
internal sealed record TurnKind(string Name, bool IsInvoke, bool IsEcho)
{
    public static readonly TurnKind EchoMessage = new("echo bot: message", IsInvoke: false, IsEcho: true);
    public static readonly TurnKind Help = new("\"help\"", IsInvoke: false, IsEcho: false);
    public static readonly TurnKind MyRequests = new("\"my requests\"", IsInvoke: false, IsEcho: false);
    public static readonly TurnKind Intake = new("\"I need a new laptop\"", IsInvoke: false, IsEcho: false);

    /// <summary>A message the words leave open, read by the sentence encoder; only when the bot runs it (ADR 0044).</summary>
    public static readonly TurnKind Meaning = new("read by meaning", IsInvoke: false, IsEcho: false);
    public static readonly TurnKind EchoInvoke = new("echo bot: invoke", IsInvoke: true, IsEcho: true);
    public static readonly TurnKind Submit = new("form submit", IsInvoke: true, IsEcho: false);
    public static readonly TurnKind Approve = new("approval click", IsInvoke: true, IsEcho: false);
    public static readonly TurnKind Assign = new("agent click: assign", IsInvoke: true, IsEcho: false);

    /// <summary>The order of the report: each baseline, then the bot's turns of that kind.</summary>
    public static IReadOnlyList<TurnKind> ReportOrder { get; } = [EchoMessage, Help, MyRequests, Intake, Meaning, EchoInvoke, Submit, Approve, Assign];

    /// <summary>The echo bot's turn this one is compared with.</summary>
    public TurnKind Baseline => IsInvoke ? EchoInvoke : EchoMessage;
}
