namespace ChatRequests.Embedded.Tests; public class PlaceholderTests { }
