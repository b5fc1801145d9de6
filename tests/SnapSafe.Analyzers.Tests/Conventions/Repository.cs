using System;
using System.IO;

namespace SnapSafe.Analyzers.Tests.Conventions
{
    /// <summary>The repository the tests run from: the folder that holds SnapSafe.Analyzers.sln.</summary>
    internal static class Repository
    {
        private static readonly Lazy<string> LazyRoot = new Lazy<string>(FindRoot);

        public static string Root => LazyRoot.Value;

        public static string PathOf(params string[] parts) => Path.Combine(Root, Path.Combine(parts));

        public static string ReadText(params string[] parts) => File.ReadAllText(PathOf(parts));

        private static string FindRoot()
        {
            for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory != null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "SnapSafe.Analyzers.sln")))
                {
                    return directory.FullName;
                }
            }

            throw new InvalidOperationException("No folder above " + AppContext.BaseDirectory + " contains SnapSafe.Analyzers.sln.");
        }
    }
}
