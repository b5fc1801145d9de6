using Microsoft.CodeAnalysis;
using SnapSafe.Analyzers.Configuration;
using SnapSafe.Analyzers.Lambda;

namespace SnapSafe.Analyzers.Deployment
{
    /// <summary>
    /// Whether SnapSafe speaks about a tree, a finding or a deployment file: <c>snapsafe.snapstart</c> per tree (per
    /// file for deployment files), and under <c>auto</c> what the deployment templates say. A tree is silent when the
    /// templates deploy every function of the project without SnapStart; a finding is silent when every function
    /// whose init reaches it is.
    /// </summary>
    internal sealed class SnapStartGate
    {
        private readonly SnapSafeOptions _options;
        private readonly SnapStartDeployment _deployment;

        public SnapStartGate(SnapSafeOptions options, SnapStartDeployment deployment)
        {
            _options = options;
            _deployment = deployment;
        }

        /// <summary>
        /// True when nothing is reported on a deployment file: <c>snapsafe.snapstart = disabled</c> for it. The
        /// deployment rules check only functions the file itself deploys with SnapStart, so <c>auto</c> and
        /// <c>enabled</c> read the same there.
        /// </summary>
        public bool IsSilenced(AdditionalText file, Compilation compilation)
            => _options.SnapStartFor(file, compilation) == SnapStartMode.Disabled;

        /// <summary>True when nothing is reported in <paramref name="tree"/>.</summary>
        public bool IsSilenced(SyntaxTree tree) => IsSilenced(tree, null);

        /// <summary>True when <paramref name="finding"/> (located in <paramref name="tree"/>) is not reported.</summary>
        public bool IsSilenced(SyntaxTree tree, Finding? finding)
        {
            var mode = _options.SnapStartFor(tree);
            if (mode == SnapStartMode.Disabled)
            {
                return true;
            }

            if (mode == SnapStartMode.Enabled)
            {
                return false;
            }

            if (_deployment.AllOff)
            {
                return true;
            }

            if (finding == null || finding.Origins.IsEmpty || !_deployment.IsMixed)
            {
                return false;
            }

            foreach (var origin in finding.Origins)
            {
                if (!_deployment.IsOff(origin))
                {
                    return false;
                }
            }

            return true;
        }
    }
}
