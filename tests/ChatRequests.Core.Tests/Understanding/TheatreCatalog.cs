using static ChatRequests.Core.Tests.Understanding.MiniCatalog;

namespace ChatRequests.Core.Tests.Understanding;

/// <summary>
/// A touring theatre company's catalog, written for the command and fault rules: none of it is in the evaluation set,
/// and some of its items carry words the rules must not steal ("waiting list", "mailing list", "purchase orders", "till").
/// </summary>
internal static class TheatreCatalog
{
    public static readonly MiniCatalog Theatre = new(
        Item("radio-mic", "Radio microphone", description: "A wireless body-worn microphone for performers.", keywords: ["radio mic", "body mic"]),
        Item("mixer", "Sound mixer", description: "A digital mixing desk for the studio or a venue.", keywords: ["mixer", "mixing desk", "sound desk"]),
        Item("box-office", "Box office account", "Access", "An account on the box office system to sell tickets and run reports.", ["box office", "ticketing system"]),
        Item("ticket-scanner", "Ticket scanner", description: "A handheld scanner for tickets at the door.", keywords: ["ticket scanner", "door scanner"]),
        Item("bar-till", "Bar till", description: "A till for the theatre bar.", keywords: ["till", "bar till"]),
        Item("waiting-list", "Waiting list system", "Access", "Access to the waiting list for sold-out shows.", ["waiting list"]),
        Item("mailing-list", "Mailing list", "Accounts", "A mailing list for a company or a crew.", ["mailing list", "distribution list"]),
        Item("purchase-orders", "Purchase order system", "Access", "An account on the purchase order system.", ["purchase orders", "po system"]),
        Item("laptop", "Laptop", keywords: ["laptop", "notebook"]),
        Item("show-control", "Show control software", "Software", "A licence for the show control software that runs cues.", ["show control", "qlab"]));
}
