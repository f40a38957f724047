# Installation: headers, the static and shared library, a CMake package
# (find_package(annals CONFIG) -> annals::annals) and a pkg-config file.
include(GNUInstallDirs)
include(CMakePackageConfigHelpers)

add_library(annals_shared SHARED $<TARGET_OBJECTS:annals_objects>)
set_target_properties(annals_shared PROPERTIES OUTPUT_NAME annals EXPORT_NAME annals
                      VERSION ${PROJECT_VERSION} SOVERSION ${PROJECT_VERSION_MAJOR})
target_include_directories(annals_shared PUBLIC
  $<BUILD_INTERFACE:${CMAKE_CURRENT_SOURCE_DIR}/include> $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
target_link_libraries(annals_shared PUBLIC date::date PRIVATE SQLiteCpp fmt::fmt Threads::Threads)
set_target_properties(annals PROPERTIES EXPORT_NAME annals_static)

install(TARGETS annals annals_shared EXPORT annalsTargets
        ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
        LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR}
        INCLUDES DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS annals_cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(DIRECTORY include/annals DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(EXPORT annalsTargets NAMESPACE annals:: DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/annals)
configure_package_config_file(cmake/annalsConfig.cmake.in ${CMAKE_CURRENT_BINARY_DIR}/annalsConfig.cmake
  INSTALL_DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/annals)
write_basic_package_version_file(${CMAKE_CURRENT_BINARY_DIR}/annalsConfigVersion.cmake
  COMPATIBILITY SameMajorVersion)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/annalsConfig.cmake ${CMAKE_CURRENT_BINARY_DIR}/annalsConfigVersion.cmake
        DESTINATION ${CMAKE_INSTALL_LIBDIR}/cmake/annals)
configure_file(cmake/annals.pc.in ${CMAKE_CURRENT_BINARY_DIR}/annals.pc @ONLY)
install(FILES ${CMAKE_CURRENT_BINARY_DIR}/annals.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
