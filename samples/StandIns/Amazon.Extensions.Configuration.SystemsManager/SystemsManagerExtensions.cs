using System;
using System.Collections.Generic;
using Amazon.Extensions.Configuration.SystemsManager;
using Amazon.Extensions.NETCore.Setup;

namespace Microsoft.Extensions.Configuration
{
    /// <summary>
    /// Adds AWS Systems Manager Parameter Store parameters (loaded with decryption) to a configuration builder. The
    /// parameters are read when the configuration is built.
    /// </summary>
    public static class SystemsManagerExtensions
    {
        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path, AWSOptions awsOptions, bool optional, TimeSpan reloadAfter)
            => builder.AddSystemsManager(source => Configure(source, path, null, awsOptions, optional, reloadAfter));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path, AWSOptions awsOptions, bool optional)
            => builder.AddSystemsManager(source => Configure(source, path, null, awsOptions, optional, null));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path, AWSOptions awsOptions, TimeSpan reloadAfter)
            => builder.AddSystemsManager(source => Configure(source, path, null, awsOptions, false, reloadAfter));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path, AWSOptions awsOptions)
            => builder.AddSystemsManager(source => Configure(source, path, null, awsOptions, false, null));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path, bool optional, TimeSpan reloadAfter)
            => builder.AddSystemsManager(source => Configure(source, path, null, null, optional, reloadAfter));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path, bool optional)
            => builder.AddSystemsManager(source => Configure(source, path, null, null, optional, null));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path, TimeSpan reloadAfter)
            => builder.AddSystemsManager(source => Configure(source, path, null, null, false, reloadAfter));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path)
            => builder.AddSystemsManager(source => Configure(source, path, null, null, false, null));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path, IEnumerable<string> parameterNames, AWSOptions awsOptions, bool optional, TimeSpan reloadAfter)
            => builder.AddSystemsManager(source => Configure(source, path, parameterNames, awsOptions, optional, reloadAfter));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path, IEnumerable<string> parameterNames, AWSOptions awsOptions, bool optional)
            => builder.AddSystemsManager(source => Configure(source, path, parameterNames, awsOptions, optional, null));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path, IEnumerable<string> parameterNames, AWSOptions awsOptions, TimeSpan reloadAfter)
            => builder.AddSystemsManager(source => Configure(source, path, parameterNames, awsOptions, false, reloadAfter));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path, IEnumerable<string> parameterNames, AWSOptions awsOptions)
            => builder.AddSystemsManager(source => Configure(source, path, parameterNames, awsOptions, false, null));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path, IEnumerable<string> parameterNames, bool optional, TimeSpan reloadAfter)
            => builder.AddSystemsManager(source => Configure(source, path, parameterNames, null, optional, reloadAfter));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path, IEnumerable<string> parameterNames, bool optional)
            => builder.AddSystemsManager(source => Configure(source, path, parameterNames, null, optional, null));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path, IEnumerable<string> parameterNames, TimeSpan reloadAfter)
            => builder.AddSystemsManager(source => Configure(source, path, parameterNames, null, false, reloadAfter));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, string path, IEnumerable<string> parameterNames)
            => builder.AddSystemsManager(source => Configure(source, path, parameterNames, null, false, null));

        public static IConfigurationBuilder AddSystemsManager(this IConfigurationBuilder builder, Action<SystemsManagerConfigurationSource> configureSource)
        {
            var source = new SystemsManagerConfigurationSource();
            configureSource(source);
            return builder.Add(source);
        }

        private static void Configure(SystemsManagerConfigurationSource source, string path, IEnumerable<string> parameterNames, AWSOptions awsOptions, bool optional, TimeSpan? reloadAfter)
        {
            source.Path = path;
            source.ParameterNames = parameterNames;
            source.AwsOptions = awsOptions;
            source.Optional = optional;
            source.ReloadAfter = reloadAfter;
        }
    }
}
