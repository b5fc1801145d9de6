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
    /// AWSSDK.SecurityToken, AWSSDK.SimpleSystemsManagement, AWSSDK.DynamoDBv2, AWSSDK.Extensions.NETCore.Setup, Grpc.Net.Client (with
    /// Grpc.Net.Common and Grpc.Core.Api), RabbitMQ.Client and Confluent.Kafka, read from the package folders this
    /// project restores (reference only); the stand-ins of AWSSDK.SecretsManager (with the caching client),
    /// Amazon.Extensions.Configuration.SystemsManager and Kralizek.Extensions.Configuration.AWSSecretsManager
    /// (samples/StandIns), compiled against the real AWS SDK assemblies; and the Microsoft.Extensions.* reference
    /// assemblies of the ASP.NET Core 8.0 reference pack (configuration, hosting, dependency injection: the real
    /// Microsoft.Extensions.Configuration and Microsoft.Extensions.Hosting API). Loaded once per test run.
    /// </summary>
    public static class PackageReferences
    {
        public const string SecretsManagerAssembly = "AWSSDK.SecretsManager";
        public const string SystemsManagerConfigurationAssembly = "Amazon.Extensions.Configuration.SystemsManager";
        public const string SecretsManagerConfigurationAssembly = "Kralizek.Extensions.Configuration.AWSSecretsManager";

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
            ("AWSSDK.DynamoDBv2", "AWSSDK.DynamoDBv2"),
            ("AWSSDK.Extensions.NETCore.Setup", "AWSSDK.Extensions.NETCore.Setup"),
            ("Grpc.Net.Client", "Grpc.Net.Client"),
            ("Grpc.Net.Common", "Grpc.Net.Common"),
            ("Grpc.Core.Api", "Grpc.Core.Api"),
            ("RabbitMQ.Client", "RabbitMQ.Client"),
            ("Confluent.Kafka", "Confluent.Kafka"),
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
            MetadataReference? setup = null;
            MetadataReference? ssm = null;
            foreach (var (package, assembly) in Packages)
            {
                var reference = MetadataReference.CreateFromFile(AssemblyPathOf(package, assembly));
                builder.Add(reference);
                if (assembly == "AWSSDK.Core")
                {
                    core = reference;
                }
                else if (assembly == "AWSSDK.Extensions.NETCore.Setup")
                {
                    setup = reference;
                }
                else if (assembly == "AWSSDK.SimpleSystemsManagement")
                {
                    ssm = reference;
                }
            }

            var net8Symbols = new[] { "NET", "NET8_0", "NETCOREAPP", "NET5_0_OR_GREATER", "NET6_0_OR_GREATER", "NET7_0_OR_GREATER", "NET8_0_OR_GREATER", "NETCOREAPP3_1_OR_GREATER" };
            var secretsManager = StandInReferences.Compile(SecretsManagerAssembly, net8Symbols, nullable: false, net80.Add(core!));
            builder.Add(secretsManager);
            var configurationReferences = net80.AddRange(extensions).Add(core!).Add(setup!);
            builder.Add(StandInReferences.Compile(SystemsManagerConfigurationAssembly, net8Symbols, nullable: false, configurationReferences.Add(ssm!)));
            builder.Add(StandInReferences.Compile(SecretsManagerConfigurationAssembly, net8Symbols, nullable: false, configurationReferences.Add(secretsManager)));
            foreach (var extension in extensions)
            {
                builder.Add(extension);
            }

            return builder.ToImmutable();
        }
    }
}
