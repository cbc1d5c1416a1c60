using ChatRequests.IntakeEvaluation;

namespace ChatRequests.Intake.Tests;

/// <summary>The evaluation's hub correction of the encoder's item cosines (ADR 0077, measured and not taken).</summary>
public sealed class HubCorrectionTests
{
    // Item 0's text sits on the exemplars (a hub), item 1's far from them.
    private static readonly float[][] Exemplars = [[1f, 0f], [0.9f, 0.436f]];
    private static readonly float[][][] Texts = [[[1f, 0f]], [[0f, 1f]]];
    private static readonly float[] Message = [0.751f, 0.661f];

    [Fact]
    public void AHubItemNearestByThePlainCosine_LosesToTheOtherOnceItsReachIsTakenOff()
    {
        var plain = HubCorrection.Cosines(Message, Texts, [[0f], [0f]]);
        var offsets = new HubCorrection(HubReference.Exemplars, int.MaxValue, 0.5f).Offsets(Texts, Exemplars);
        var corrected = HubCorrection.Cosines(Message, Texts, offsets);

        Assert.True(plain[0] > plain[1]);
        Assert.True(corrected[1] > corrected[0]);
    }

    [Fact]
    public void Offsets_AreCentredOnTheCatalog_SoTheCosinesKeepTheirScale()
    {
        var offsets = new HubCorrection(HubReference.Both, 5, 1f).Offsets(Texts, Exemplars);

        Assert.Equal(0f, offsets.SelectMany(o => o).Sum(), 5);
        Assert.True(offsets[0][0] > offsets[1][0]);
    }
}
