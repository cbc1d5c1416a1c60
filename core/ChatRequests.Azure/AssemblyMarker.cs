namespace ChatRequests.Azure; internal static class AssemblyMarker { }
