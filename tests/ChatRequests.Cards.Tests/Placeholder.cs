namespace ChatRequests.Cards.Tests; public class PlaceholderTests { }
