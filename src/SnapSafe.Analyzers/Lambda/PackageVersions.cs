using System;
using Microsoft.CodeAnalysis;

namespace SnapSafe.Analyzers.Lambda
{
    /// <summary>
    /// The versions of the Amazon.Lambda packages a compilation references, read once from its referenced assembly
    /// identities. Amazon.Lambda.RuntimeSupport and Amazon.Lambda.Annotations carry their package version as assembly
    /// version; a version of 0.0.0.0 (an assembly built without one) is unknown.
    /// </summary>
    internal sealed class PackageVersions
    {
        /// <summary>Amazon.Lambda.RuntimeSupport 1.12.0: the first with SnapStart support (it runs the hooks).</summary>
        public static readonly Version RuntimeSupportWithSnapStart = new Version(1, 12, 0, 0);

        /// <summary>Amazon.Lambda.Annotations 1.6.0: the first whose generated wrapper builds the function class during init.</summary>
        public static readonly Version AnnotationsBuildingDuringInit = new Version(1, 6, 0, 0);

        private PackageVersions(Version? runtimeSupport, Version? annotations)
        {
            RuntimeSupport = runtimeSupport;
            Annotations = annotations;
        }

        /// <summary>The referenced Amazon.Lambda.RuntimeSupport version; null when not referenced or unknown.</summary>
        public Version? RuntimeSupport { get; }

        /// <summary>The referenced Amazon.Lambda.Annotations version; null when not referenced or unknown.</summary>
        public Version? Annotations { get; }

        public static PackageVersions Read(Compilation compilation)
        {
            Version? runtimeSupport = null;
            Version? annotations = null;
            foreach (var identity in compilation.ReferencedAssemblyNames)
            {
                switch (identity.Name)
                {
                    case "Amazon.Lambda.RuntimeSupport":
                        runtimeSupport = Known(identity.Version);
                        break;
                    case "Amazon.Lambda.Annotations":
                        annotations = Known(identity.Version);
                        break;
                }
            }

            return new PackageVersions(runtimeSupport, annotations);
        }

        /// <summary>A version as users write it: <c>1.5.0</c>.</summary>
        public static string Display(Version version) => version.ToString(3);

        private static Version? Known(Version version) => version.Major == 0 && version.Minor == 0 && version.Build == 0 && version.Revision == 0 ? null : version;
    }
}
