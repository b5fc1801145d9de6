using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Tests.Verifiers
{
    /// <summary>
    /// The data-provider and AWS SDK packages the rule tests compile against: the real assemblies of Npgsql,
    /// MySqlConnector, Microsoft.Data.SqlClient, StackExchange.Redis, AWSSDK.Core, AWSSDK.KeyManagementService,
    /// AWSSDK.SecurityToken and AWSSDK.SimpleSystemsManagement, read from the package folders this project restores
    /// (reference only), and the AWSSDK.SecretsManager stand-in (samples/StandIns, with the caching client), compiled
    /// against the real AWSSDK.Core. Loaded once per test run.
    /// </summary>
    public static class PackageReferences
    {
        public const string SecretsManagerAssembly = "AWSSDK.SecretsManager";

        /// <summary>Package id and the assembly it ships.</summary>
        private static readonly (string Package, string Assembly)[] Packages =
        {
            ("Npgsql", "Npgsql"),
            ("MySqlConnector", "MySqlConnector"),
            ("Microsoft.Data.SqlClient", "Microsoft.Data.SqlClient"),
            ("StackExchange.Redis", "StackExchange.Redis"),
            ("AWSSDK.Core", "AWSSDK.Core"),
            ("AWSSDK.KeyManagementService", "AWSSDK.KeyManagementService"),
            ("AWSSDK.SecurityToken", "AWSSDK.SecurityToken"),
            ("AWSSDK.SimpleSystemsManagement", "AWSSDK.SimpleSystemsManagement"),
        };

        /// <summary>Asset folders in the order a net8.0 project picks them.</summary>
        private static readonly string[] AssetFolders = { "ref/net8.0", "lib/net8.0", "lib/net6.0", "lib/netstandard2.1", "lib/netstandard2.0" };

        private static readonly Lazy<Task<ImmutableArray<MetadataReference>>> LazyAll = new Lazy<Task<ImmutableArray<MetadataReference>>>(
            () => Task.Run(CreateAsync),
            LazyThreadSafetyMode.ExecutionAndPublication);

        /// <summary>Every package assembly, the SecretsManager stand-in and the Microsoft.Extensions.* references they use.</summary>
        public static Task<ImmutableArray<MetadataReference>> AllAsync() => LazyAll.Value;

        /// <summary>The assembly file of a restored package that a net8.0 process loads (its lib asset), or null.</summary>
        public static string? RuntimeAssemblyPathOf(string assembly)
        {
            foreach (var (package, name) in Packages)
            {
                if (name != assembly)
                {
                    continue;
                }

                var folder = typeof(PackageReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                    .FirstOrDefault(a => a.Key == "SnapSafe.Package:" + package)?.Value;
                foreach (var asset in AssetFolders.Where(a => a.StartsWith("lib/", StringComparison.Ordinal)))
                {
                    var path = folder == null ? null : Path.Combine(folder, asset, assembly + ".dll");
                    if (path != null && File.Exists(path))
                    {
                        return path;
                    }
                }
            }

            return null;
        }

        /// <summary>The assembly file of a restored package, as a net8.0 project compiles against it.</summary>
        public static string AssemblyPathOf(string package, string assembly)
        {
            var folder = typeof(PackageReferences).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
                .FirstOrDefault(a => a.Key == "SnapSafe.Package:" + package)?.Value;
            if (string.IsNullOrEmpty(folder) || !Directory.Exists(folder))
            {
                throw new InvalidOperationException("The package " + package + " is not restored (looked in '" + folder + "').");
            }

            foreach (var asset in AssetFolders)
            {
                var path = Path.Combine(folder, asset, assembly + ".dll");
                if (File.Exists(path))
                {
                    return path;
                }
            }

            throw new InvalidOperationException("The package " + package + " has no net8.0-compatible " + assembly + ".dll under " + folder + ".");
        }

        private static async Task<ImmutableArray<MetadataReference>> CreateAsync()
        {
            var net80 = await StandInReferences.Net80.ResolveAsync(LanguageNames.CSharp, CancellationToken.None).ConfigureAwait(false);
            var extensions = await StandInReferences.MicrosoftExtensionsAsync().ConfigureAwait(false);
            var builder = ImmutableArray.CreateBuilder<MetadataReference>();
            MetadataReference? core = null;
            foreach (var (package, assembly) in Packages)
            {
                var reference = MetadataReference.CreateFromFile(AssemblyPathOf(package, assembly));
                builder.Add(reference);
                if (assembly == "AWSSDK.Core")
                {
                    core = reference;
                }
            }

            var net8Symbols = new[] { "NET", "NET8_0", "NETCOREAPP", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER" };
            builder.Add(StandInReferences.Compile(SecretsManagerAssembly, net8Symbols, nullable: false, net80.Add(core!)));
            foreach (var extension in extensions)
            {
                builder.Add(extension);
            }

            return builder.ToImmutable();
        }
    }
}
