namespace ChatRequests.Bot.Tests.Robustness;

/// <summary>How the bot under test is configured: the environment, and whether <c>Bot:AllowedTenants</c> is set.</summary>
public sealed record BotSetup(string Environment, bool TenantsRestricted)
{
    public static readonly BotSetup DevelopmentOpen = new("Development", false);
    public static readonly BotSetup DevelopmentRestricted = new("Development", true);
    public static readonly BotSetup ProductionOpen = new("Production", false);
    public static readonly BotSetup ProductionRestricted = new("Production", true);

    public static readonly IReadOnlyList<BotSetup> All = [DevelopmentOpen, DevelopmentRestricted, ProductionOpen, ProductionRestricted];

    /// <summary>Every setup as theory rows (environment, tenants restricted).</summary>
    public static TheoryData<string, bool> Each()
    {
        var data = new TheoryData<string, bool>();
        foreach (var setup in All)
        {
            data.Add(setup.Environment, setup.TenantsRestricted);
        }

        return data;
    }

    public bool IsProduction => Environment == "Production";

    public override string ToString() => $"{Environment}, {(TenantsRestricted ? "Bot:AllowedTenants set" : "any tenant")}";
}
