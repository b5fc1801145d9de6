using System.Collections.Immutable;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Deployment
{
    /// <summary>
    /// The deployment files a project hands to the analyzers as AdditionalFiles: <c>serverless.template</c> and
    /// <c>template.yaml</c>/<c>template.yml</c> (SAM or raw CloudFormation, JSON or YAML, with <c>Globals.Function</c>)
    /// and <c>aws-lambda-tools-defaults.json</c>, read once per compilation into a <see cref="DeploymentModel"/>.
    /// </summary>
    internal static class DeploymentTemplates
    {
        /// <summary>No deployment files.</summary>
        public static DeploymentModel None => DeploymentModel.None;

        public static bool IsTemplateFile(string path) => TemplateFile.IsTemplateFile(path);

        public static DeploymentModel Read(ImmutableArray<AdditionalText> files, CancellationToken cancellationToken)
            => DeploymentModel.Read(files, cancellationToken);
    }
}
