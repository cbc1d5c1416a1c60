using System.Globalization;
using ChatRequests.Core.Catalog;

namespace ChatRequests.Core.Tests;

public class CatalogItemTests
{
    [Theory]
    [InlineData("en-US")]
    [InlineData("de-DE")]
    [InlineData("fr-FR")]
    public void CostText_IsTheSameWhateverTheServerCulture(string culture)
    {
        var item = new CatalogItem { Id = "laptop", Name = "Laptop", Category = "Hardware", Cost = 1450m };
        var original = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo(culture);

            Assert.Equal("1,450.00 EUR", item.CostText);
        }
        finally
        {
            CultureInfo.CurrentCulture = original;
        }
    }

    [Fact]
    public void CostText_IsNullWithoutACost()
    {
        Assert.Null(new CatalogItem { Id = "vpn", Name = "VPN", Category = "Access" }.CostText);
    }
}
