using ChatRequests.Core.Understanding;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// When a message's meaning makes it a command or a fault (ADR 0045): near an exemplar, and ahead of the nearest item;
/// and when it asks for something no catalog provides (ADR 0050): nearer to a "none" exemplar than to its best item.
/// </summary>
public sealed class SenseCalibrationTests
{
    private static readonly SenseCalibration Calibration = new(0.5f, 0.1f, 0.5f, 0.1f);

    [Fact]
    public void NearACommand_AndAheadOfEveryItem_IsTheCommand() =>
        Assert.Equal(SenseKind.Command, Calibration.Decide(new Senses(ChatCommand.Approvals, 0.7f, 0.2f, 0.4f)));

    [Fact]
    public void NearACommand_ButAsNearAnItem_IsNotACommand() =>
        Assert.Equal(SenseKind.None, Calibration.Decide(new Senses(ChatCommand.Cancel, 0.7f, 0.2f, 0.65f)));

    [Fact]
    public void NearAFault_AheadOfItemsAndCommands_IsAFault() =>
        Assert.Equal(SenseKind.Fault, Calibration.Decide(new Senses(ChatCommand.Help, 0.4f, 0.7f, 0.45f)));

    [Fact]
    public void NearAFault_AsNearACommand_IsNeither() =>
        Assert.Equal(SenseKind.None, Calibration.Decide(new Senses(ChatCommand.Help, 0.45f, 0.5f, 0.3f)));

    [Fact]
    public void Off_NeverDecides() =>
        Assert.Equal(SenseKind.None, SenseCalibration.Off.Decide(new Senses(ChatCommand.Help, 1f, 1f, -1f)));

    [Fact]
    public void NearerAnAskNoCatalogProvides_ThanItsBestItem_AsksForNoItem() =>
        Assert.True(SenseCalibration.Fitted.AsksForNoItem(new Senses(ChatCommand.Help, 0.2f, 0.2f, 0.41f, NoneCosine: 0.45f)));

    [Fact]
    public void NearerItsBestItem_ThanAnyAskNoCatalogProvides_AsksForAnItem() =>
        Assert.False(SenseCalibration.Fitted.AsksForNoItem(new Senses(ChatCommand.Help, 0.2f, 0.2f, 0.45f, NoneCosine: 0.41f)));

    [Fact]
    public void WithoutTheNoneLead_NothingIsAnAskForNoItem() =>
        Assert.False(SenseCalibration.Off.AsksForNoItem(new Senses(ChatCommand.Help, 0.2f, 0.2f, 0f, NoneCosine: 1f)));
}
